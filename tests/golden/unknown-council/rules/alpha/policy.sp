policy "alpha"
