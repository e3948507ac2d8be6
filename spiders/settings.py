"""Scrapy settings of the newsclean project: polite crawling defaults and the newsclean add-on
(which brings the NEWSCLEAN_* defaults table and every newsclean component)."""

BOT_NAME = "newsclean"
SPIDER_MODULES = ["newsclean.spiders.spiders"]
NEWSPIDER_MODULE = "newsclean.spiders.spiders"

ADDONS = {"newsclean.spiders.addon.NewscleanAddon": 0}

# Politeness for real crawls.
ROBOTSTXT_OBEY = True
USER_AGENT = "newsclean/0.1 (+https://github.com/newsclean/newsclean)"
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
# robots.txt's Crawl-delay, per domain (Scrapy parses it but never applies it); right after
# RobotsTxtMiddleware (100), which has read the domain's robots.txt by then.
DOWNLOADER_MIDDLEWARES = {"newsclean.spiders.politeness.CrawlDelayMiddleware": 101}

# The RemoteControl extension (a local code-execution server) and the telnet console are
# on by default in Scrapy: never wanted here.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

