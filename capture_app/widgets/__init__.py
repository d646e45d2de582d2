"""Touch-friendly widgets shared by the views (no business logic here)."""
