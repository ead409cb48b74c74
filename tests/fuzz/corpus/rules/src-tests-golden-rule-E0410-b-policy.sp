policy "b"
extends "a"
source "Demo Policy"
