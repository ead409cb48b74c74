"""PNG decoding with the standard library alone (zlib): enough to tell a
rendered page from a blank one."""
import itertools
import struct
import zlib


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    """Returns (width, height, bytes per pixel, rows of raw pixel bytes)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, "
                         f"interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    bpp, stride = channels, width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for c in range(bpp):
                line[c::bpp] = bytes(itertools.accumulate(line[c::bpp], lambda a, b: (a + b) & 255))
        elif kind == 2:
            line = bytearray((x + p) & 255 for x, p in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 255
        elif kind != 0:
            raise ValueError(f"{path}: bad filter {kind} on row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def ink(path):
    """(distinct colours, share of pixels unlike the top-left one) of a PNG."""
    width, height, bpp, rows = decode(path)
    background = tuple(rows[0][:bpp])
    colours, unlike = set(), 0
    for row in rows:
        pixels = list(zip(*(row[c::bpp] for c in range(bpp))))
        unlike += width - pixels.count(background)
        if len(colours) < 4096:
            colours.update(pixels)
    return len(colours), unlike / float(width * height)
