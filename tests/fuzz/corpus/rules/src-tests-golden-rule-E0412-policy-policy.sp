policy "demo"
extends "base"
source "Demo Policy"
