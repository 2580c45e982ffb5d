"""Everything that goes out to the network: checked hop by hop (see docs/security.md)."""
