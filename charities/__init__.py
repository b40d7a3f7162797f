"""Member charities (legal persons): their profiles, editors and joining the network."""
