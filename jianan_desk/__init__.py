"""建安招商台 (jianan_desk): the investment-promotion desk of 建安区."""

__version__ = "0.1.0"
APP_TITLE = "建安招商台"
