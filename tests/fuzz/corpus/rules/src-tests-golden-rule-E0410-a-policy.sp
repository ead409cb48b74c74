policy "a"
extends "b"
source "Demo Policy"
