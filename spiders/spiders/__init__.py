"""The spiders: `rt` (rt.com) and `news` (any news site)."""
