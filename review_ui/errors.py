"""Errors of the staff UI render as HTML pages (a reviewer's browser, not a program, reads them),
unlike the API's JSON errors; a 401 on a page request becomes a redirect to the login form."""

from __future__ import annotations


class ReviewError(Exception):
    def __init__(self, status: int, message: str, login_redirect: bool = False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.login_redirect = login_redirect
