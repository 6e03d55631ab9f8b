import pytest
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def pw():
    """One Playwright driver per test session (the sync API cannot be nested)."""
    with sync_playwright() as playwright:
        yield playwright
