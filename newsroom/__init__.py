"""News of the network and of each charity."""
