"""newsclean's Scrapy project: settings, spiders, site profiles and the ``newsclean`` command."""
