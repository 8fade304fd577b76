"""The queries behind `kg serve`'s entity pages: each takes the entity as ``?entity``."""
