"""Program figures (poverty guidelines, state income limits, federal age rules) and the helpers
that flows call to use them."""
