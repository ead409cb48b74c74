policy "top"
version "1"
source "Doc"
extends "base"
