"""Strict JSON body parsing: size limit while streaming, UTF-8 check, JSON check, schema check.

Why not let FastAPI parse the body? We want a distinct, documented error code for each way input
can be bad (oversized, not UTF-8, not JSON, wrong shape) and to stop reading at the size limit
instead of buffering whatever a client sends.
"""

from __future__ import annotations

import json
from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from moderation.api.errors import ApiError, _validation_details

M = TypeVar("M", bound=BaseModel)


async def read_limited(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise ApiError(413, "body_too_large", f"request body exceeds {max_bytes} bytes")
        except ValueError:
            raise ApiError(400, "bad_content_length", "Content-Length is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, "body_too_large", f"request body exceeds {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def parse_json(request: Request, model: type[M], max_bytes: int) -> M:
    ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if ctype not in ("application/json", ""):
        raise ApiError(415, "unsupported_media_type", "send application/json")
    raw = await read_limited(request, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_utf8", f"body is not valid UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise ApiError(400, "malformed_json", f"body is not valid JSON: {exc.msg} at {where}") from None
    try:  # "\ud800" is valid JSON but not encodable text: refuse it here, not in the database
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "invalid_utf8", "body contains unpaired surrogate escapes") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", "body must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", "request failed validation", _validation_details(exc)) from None
