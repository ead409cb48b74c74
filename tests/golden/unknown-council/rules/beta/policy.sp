policy "beta"
