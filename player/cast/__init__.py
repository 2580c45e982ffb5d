"""投屏: SilverReel as a DLNA/UPnP MediaRenderer that phone apps cast to (see docs/casting.md)."""
