"""Code that loads domain packs (the data lives in ``allegiance/packs``)."""

from .packs import Pack, PackManifest, bundled_pack_dir, load_pack, load_toml

__all__ = ["Pack", "PackManifest", "bundled_pack_dir", "load_pack", "load_toml"]
