"""A volunteer's experience: the hours they give, the certificates that recognise them,
signed credentials anyone can verify, and the résumé built from what charities confirmed."""
