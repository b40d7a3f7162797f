"""Certificates as Open Badges 3.0 credentials that anyone can check without asking us.

Each certificate is also an OpenBadgeCredential (a W3C Verifiable Credential) signed with the
platform's Ed25519 key as a VC-JWT. What a third party needs to check one is published: the
public keys (a JWKS and a did:web document, current key and retired ones, so that rotating the
key does not invalidate what was signed before) and a Bitstring Status List credential of
revocations. Everything here is a pure function of its arguments and the settings; the views
that publish these documents and the models that hold certificates call in here.

Specifications followed:
- Open Badges 3.0 ("OB"): https://www.imsglobal.org/spec/ob/v3p0/
- Bitstring Status List v1.0 ("BSL"): https://www.w3.org/TR/vc-bitstring-status-list/
- did:web: https://w3c-ccg.github.io/did-method-web/
- JWK thumbprints: RFC 7638
"""

import base64
import datetime
import gzip
import hashlib
import json
import re
import zlib
from decimal import Decimal
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext as _

from nikrah.persian import format_date, is_persian, localize_digits

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]
ALGORITHM = "EdDSA"
ISSUER_NAMES = {"fa": "نیکراه", "en": "Nikrah"}

#: BSL §2.2: the uncompressed bitstring holds at least 16KB, that is 131,072 entries.
STATUS_LIST_LENGTH = 131_072
#: A status list larger than this (134 million entries) is refused rather than inflated.
MAXIMUM_STATUS_LIST_BYTES = 16 * 1024 * 1024
REVOCATION = "revocation"

#: The JWT claims OB §8.2 "Create the JWT Payload" adds to the credential.
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")

_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


class InvalidCredential(Exception):
    """A credential that must not be trusted; the message says why."""


# Keys


def _to_base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _from_base64url(text):
    """Strict base64url, padding optional: other characters are an error, not skipped."""
    if not isinstance(text, str):
        raise ValueError("not text")
    text = text.strip().rstrip("=")
    if not _BASE64URL.fullmatch(text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signing_key():
    """The platform's private key, read from NIKRAH_SIGNING_KEY."""
    text = settings.NIKRAH_SIGNING_KEY
    if not text:
        raise ImproperlyConfigured(
            "NIKRAH_SIGNING_KEY is not set, so certificates cannot be signed. Generate a key "
            "with `manage.py generate_signing_key` and set NIKRAH_SIGNING_KEY to it."
        )
    try:
        return Ed25519PrivateKey.from_private_bytes(_from_base64url(text))
    except ValueError as error:
        # The message never repeats the value: it is a secret.
        raise ImproperlyConfigured(
            "NIKRAH_SIGNING_KEY is not a valid key: it must be the base64url text of a raw "
            "32-byte Ed25519 private key, as printed by `manage.py generate_signing_key`."
        ) from error


def generate_key_text():
    """A new private key, as the text NIKRAH_SIGNING_KEY takes."""
    return _to_base64url(Ed25519PrivateKey.generate().private_bytes_raw())


def public_key_text(public_key):
    """A public key as the text NIKRAH_RETIRED_PUBLIC_KEYS takes."""
    return _to_base64url(public_key.public_bytes_raw())


def _retired_public_keys():
    keys = []
    for position, text in enumerate(settings.NIKRAH_RETIRED_PUBLIC_KEYS, start=1):
        try:
            keys.append(Ed25519PublicKey.from_public_bytes(_from_base64url(text)))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"NIKRAH_RETIRED_PUBLIC_KEYS entry {position} ({text!r}) is not a valid key: "
                "each entry must be the base64url text of a raw 32-byte Ed25519 public key, as "
                "printed by `manage.py generate_signing_key --public`."
            ) from error
    return keys


def key_id(public_key):
    """The key's RFC 7638 JWK thumbprint: stable, and derived from the key alone."""
    # RFC 7638 §3.2: only the required members, sorted, without whitespace.
    members = {"crv": "Ed25519", "kty": "OKP", "x": _to_base64url(public_key.public_bytes_raw())}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    return _to_base64url(hashlib.sha256(canonical.encode("ascii")).digest())


def _public_jwk(public_key):
    return {
        "kid": key_id(public_key),
        "kty": "OKP",
        "crv": "Ed25519",
        "x": _to_base64url(public_key.public_bytes_raw()),
        "alg": ALGORITHM,
        "use": "sig",
    }


def public_jwks():
    """Every key a credential of ours may be signed with: the current one, then retired ones."""
    keys = {}
    for public_key in [signing_key().public_key(), *_retired_public_keys()]:
        jwk = _public_jwk(public_key)
        keys.setdefault(jwk["kid"], jwk)
    return {"keys": list(keys.values())}


def issuer_did():
    """The platform's did:web identifier, from the host of WAGTAILADMIN_BASE_URL."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not parts.hostname:
        raise ImproperlyConfigured(
            "WAGTAILADMIN_BASE_URL must be an absolute URL such as https://nikrah.example.org: "
            "the issuer's did:web identifier is made from its host."
        )
    # did:web §"Method-specific identifier": a port's colon is percent-encoded.
    port = f"%3A{parts.port}" if parts.port else ""
    return f"did:web:{parts.hostname}{port}"


def did_document():
    """The did:web document (served at /.well-known/did.json) listing every published key."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{jwk['kid']}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": jwk,
        }
        for jwk in public_jwks()["keys"]
    ]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        # Retired keys stay here too: credentials they signed were asserted by this DID.
        "assertionMethod": [method["id"] for method in methods],
    }


# Credentials


def _timestamp(moment):
    """An XML Schema dateTimeStamp in UTC, to the second; a date means its midnight in UTC."""
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time(), tzinfo=datetime.UTC)
    if moment.tzinfo is None:
        raise ValueError("A credential's date and time must say its time zone.")
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _numeric_date(timestamp):
    return int(datetime.datetime.fromisoformat(timestamp).timestamp())


def _hours_text(hours):
    """12.50 → "12.5", 10 → "10"."""
    return format(Decimal(hours).normalize(), "f")


def _issuer_profile(language):
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": ISSUER_NAMES["fa" if is_persian(language) else "en"],
        "url": settings.WAGTAILADMIN_BASE_URL,
    }


def open_badge_credential(
    *,
    credential_id,
    valid_from,
    achievement_id,
    achievement_name,
    achievement_description,
    criteria,
    creator_name,
    creator_url,
    recipient_name,
    hours,
    period_start,
    period_end,
    status_list_url,
    status_index,
    language,
):
    """What a certificate says, as an unsigned OpenBadgeCredential in ``language``.

    The achievement is the opportunity's badge, created by the charity; the platform issues
    it. The volunteer is named (OB IdentityObject, identityType "name"), not identified by an
    account, and the hours and dates are both machine-readable (a Result and the subject's
    activity dates) and told in words (the subject's narrative).
    """
    hours_description_id = f"{achievement_id}#hours"
    with translation.override(language):
        hours_name = _("Confirmed hours")
        narrative = _("%(hours)s hours of volunteering, from %(start)s to %(end)s.") % {
            "hours": localize_digits(_hours_text(hours), language),
            "start": format_date(period_start, language),
            "end": format_date(period_end, language),
        }
    return {
        "@context": [VC_CONTEXT, OPEN_BADGES_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement_name,
        "issuer": _issuer_profile(language),
        "validFrom": _timestamp(valid_from),
        "credentialSubject": {
            # OB §8.2 requires a `sub` claim equal to credentialSubject.id. The volunteer has
            # no public identifier, so the subject is named within this credential only.
            "id": f"{credential_id}#recipient",
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": False,
                    "identityHash": recipient_name,
                    "identityType": "name",
                }
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "CommunityService",
                "name": achievement_name,
                "description": achievement_description,
                "criteria": {"narrative": criteria},
                "creator": {
                    "id": creator_url,
                    "type": ["Profile"],
                    "name": creator_name,
                    "url": creator_url,
                },
                "inLanguage": language,
                "resultDescription": [
                    {
                        "id": hours_description_id,
                        "type": ["ResultDescription"],
                        "name": hours_name,
                        "resultType": "ext:VolunteerHours",
                    }
                ],
            },
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": hours_description_id,
                    "value": _hours_text(hours),
                }
            ],
            "activityStartDate": _timestamp(period_start),
            "activityEndDate": _timestamp(period_end),
            "narrative": narrative,
        },
        "credentialStatus": {
            "id": f"{status_list_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": REVOCATION,
            "statusListIndex": str(status_index),
            "statusListCredential": status_list_url,
        },
    }


def _issuer_id(credential):
    issuer = credential["issuer"]
    return issuer["id"] if isinstance(issuer, dict) else issuer


def _registered_claims(credential):
    """OB §8.2 "JWT Payload Format": each claim is a copy of a property of the credential."""
    claims = {
        "iss": _issuer_id(credential),
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _numeric_date(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _numeric_date(credential["validUntil"])
    return claims


def sign_credential(credential):
    """The credential as a compact JWS (VC-JWT) signed with the current key."""
    key = signing_key()
    # OB §8.2 "Create the JWT Payload" (3.0 final): the payload is the credential itself, not
    # wrapped in a `vc` claim, with iss, jti, sub, nbf (and exp for validUntil) added.
    payload = {**credential, **_registered_claims(credential)}
    # OB §8.2 "Create the JOSE Header": alg, kid (a URI that dereferences to the public JWK:
    # our DID URL) and typ, which if present MUST be "JWT". No other header is allowed.
    headers = {"kid": f"{issuer_did()}#{key_id(key.public_key())}", "typ": "JWT"}
    return jwt.encode(payload, key, algorithm=ALGORITHM, headers=headers)


def _published_key(jwks, kid):
    for jwk in jwks.get("keys", []):
        if jwk.get("kid") == kid:
            try:
                return jwt.PyJWK(jwk, algorithm=ALGORITHM).key
            except jwt.PyJWTError as error:
                raise InvalidCredential(f"the published key {kid} is not an Ed25519 key") from error
    raise InvalidCredential(f"the key {kid or '(none)'} is not among the published keys")


def verify_credential(token, jwks):
    """The credential in a VC-JWT, if one of the published keys ``jwks`` signed it.

    Follows OB §8.2 "Verify a Credential": the signature, then that every JWT claim matches
    the credential it copies and that the credential is valid now.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise InvalidCredential("the token is not a compact JWS") from error
    # Only our algorithm: never "none", and never HMAC with a public key as the secret.
    if header.get("alg") != ALGORITHM:
        raise InvalidCredential(f"the algorithm {header.get('alg')!r} is not accepted")
    kid = header.get("kid") if isinstance(header.get("kid"), str) else ""
    controller, _hash, thumbprint = kid.rpartition("#")
    key = _published_key(jwks, thumbprint)
    try:
        claims = jwt.decode(
            token, key, algorithms=[ALGORITHM], options={"require": ["iss", "jti", "sub", "nbf"]}
        )
    except jwt.ExpiredSignatureError as error:
        raise InvalidCredential("the credential has expired") from error
    except jwt.ImmatureSignatureError as error:
        raise InvalidCredential("the credential is not valid yet") from error
    except jwt.InvalidSignatureError as error:
        raise InvalidCredential("the signature does not match") from error
    except jwt.PyJWTError as error:
        raise InvalidCredential(f"the token is not valid: {error}") from error

    credential = {name: value for name, value in claims.items() if name not in JWT_CLAIMS}
    if "exp" in claims and "validUntil" not in credential:
        # OB §8.2 "Verify a Credential VC-JWT Signature": exp sets validUntil.
        credential["validUntil"] = _timestamp(
            datetime.datetime.fromtimestamp(claims["exp"], datetime.UTC)
        )
    try:
        expected = _registered_claims(credential)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidCredential("the payload is not a credential") from error
    for name, value in expected.items():
        if claims.get(name) != value:
            raise InvalidCredential(f"the {name} claim does not match the credential")
    if controller != claims["iss"]:
        raise InvalidCredential("the signing key does not belong to the credential's issuer")
    return credential


# Revocation: Bitstring Status List


def encode_status_list(revoked_indices, length=STATUS_LIST_LENGTH):
    """BSL §2.2 encodedList: multibase base64url ("u") of the GZIP-compressed bitstring.

    Index 0 is the left-most (most significant) bit of the first byte (BSL §6.1).
    """
    if length < STATUS_LIST_LENGTH or length % 8:
        raise ValueError(f"A status list holds a multiple of 8, at least {STATUS_LIST_LENGTH}.")
    bitstring = bytearray(length // 8)
    for index in revoked_indices:
        if not 0 <= index < length:
            raise ValueError(f"Status index {index} is outside a list of {length}.")
        bitstring[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same revocations always give the same text.
    return "u" + _to_base64url(gzip.compress(bytes(bitstring), mtime=0))


def decode_status_list(encoded):
    """The uncompressed bitstring of an encodedList (BSL "Bitstring Expansion Algorithm")."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise InvalidCredential("the status list is not multibase base64url")
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # GZIP framing
    try:
        bitstring = inflater.decompress(_from_base64url(encoded[1:]), MAXIMUM_STATUS_LIST_BYTES)
    except (ValueError, zlib.error) as error:
        raise InvalidCredential("the status list cannot be decoded") from error
    if inflater.unconsumed_tail or not inflater.eof:
        raise InvalidCredential("the status list is truncated or too large")
    if len(bitstring) * 8 < STATUS_LIST_LENGTH:
        # BSL "Validate Algorithm": STATUS_LIST_LENGTH_ERROR.
        raise InvalidCredential(f"the status list has fewer than {STATUS_LIST_LENGTH} entries")
    return bitstring


def is_set(encoded, index):
    """Whether the status bit at ``index`` of an encodedList is 1."""
    bitstring = decode_status_list(encoded)
    if not 0 <= index < len(bitstring) * 8:
        raise InvalidCredential(f"status index {index} is outside the status list")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(*, url, revoked_indices, valid_from):
    """The unsigned BitstringStatusListCredential (BSL §2.2) published at ``url``."""
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _timestamp(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": REVOCATION,
            "encodedList": encode_status_list(revoked_indices),
        },
    }


def check_credential(token, jwks, status_list_token):
    """What a third party does with only what we publish: the credential, if it is signed by
    one of our keys and not revoked in the status list it points to (BSL "Validate
    Algorithm")."""
    credential = verify_credential(token, jwks)
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        raise InvalidCredential("the credential has no status list entry")
    if entry.get("statusPurpose") != REVOCATION:
        raise InvalidCredential("the credential's status purpose is not revocation")
    index = entry.get("statusListIndex")
    if not isinstance(index, str) or not re.fullmatch(r"[0-9]+", index):
        raise InvalidCredential("the credential's status index is not a whole number")

    status_list = verify_credential(status_list_token, jwks)
    if status_list.get("id") != entry.get("statusListCredential"):
        raise InvalidCredential("the status list is not the one the credential points to")
    if "BitstringStatusListCredential" not in status_list.get("type", []):
        raise InvalidCredential("the status list is not a BitstringStatusListCredential")
    subject = status_list.get("credentialSubject")
    if not isinstance(subject, dict) or subject.get("type") != "BitstringStatusList":
        raise InvalidCredential("the status list has no BitstringStatusList")
    purposes = subject.get("statusPurpose")
    if REVOCATION not in ([purposes] if isinstance(purposes, str) else purposes or []):
        raise InvalidCredential("the status list does not list revocations")
    if is_set(subject.get("encodedList"), int(index)):
        raise InvalidCredential("revoked")
    return credential
