"""newsclean's item pipelines: clean, normalise, validate, de-duplicate and store article records."""
