"""A certificate as an Open Badges 3.0 credential: whoever receives one can check it with only
what the platform publishes (its keys and its revocation list), and nobody can forge one."""

import datetime
import gzip
import json
from decimal import Decimal
from io import StringIO

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from jwt.utils import base64url_decode, base64url_encode

from experience.credentials import (
    InvalidCredential,
    check_credential,
    decode_status_list,
    did_document,
    encode_status_list,
    generate_key_text,
    is_set,
    issuer_did,
    key_id,
    open_badge_credential,
    public_jwks,
    public_key_text,
    sign_credential,
    signing_key,
    status_list_credential,
    verify_credential,
)
from nikrah.persian import to_persian_digits

STATUS_LIST_URL = "http://testserver/credentials/status/1"
ISSUED = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)


def certificate_details(**changes):
    """What a certificate for a food-bank volunteer says, as the credential needs it."""
    return {
        "credential_id": "http://testserver/certificates/K7Q2-9XHM-3PLD-WT8C/credential",
        "valid_from": ISSUED,
        "achievement_id": "http://testserver/opportunities/food-bank/",
        "achievement_name": "Food bank volunteer",
        "achievement_description": "Sorted and packed food parcels for families in need.",
        "criteria": "Volunteered at the food bank, with hours confirmed by the charity.",
        "creator_name": "Kind Hands",
        "creator_url": "http://testserver/charities/kind-hands/",
        "recipient_name": "Sara Ahmadi",
        "hours": Decimal("12.50"),
        "period_start": datetime.date(2025, 1, 5),
        "period_end": datetime.date(2025, 2, 20),
        "status_list_url": STATUS_LIST_URL,
        "status_index": 94567,
        "language": "en",
    } | changes


def fetched(document):
    """The document as a third party gets it: JSON over the wire, nothing else."""
    return json.loads(json.dumps(document))


def signed_status_list(revoked_indices, url=STATUS_LIST_URL):
    return sign_credential(
        status_list_credential(url=url, revoked_indices=revoked_indices, valid_from=ISSUED)
    )


def with_byte_changed(token, segment, position):
    parts = token.split(".")
    data = bytearray(base64url_decode(parts[segment]))
    data[position] ^= 0x01
    parts[segment] = base64url_encode(bytes(data)).decode()
    return ".".join(parts)


# Checking a certificate with what is published


def test_anyone_verifies_a_certificate_with_only_the_published_keys():
    credential = open_badge_credential(**certificate_details())
    token = sign_credential(credential)

    assert verify_credential(token, fetched(public_jwks())) == credential


def test_the_signed_token_follows_the_open_badges_jwt_proof_format():
    credential = open_badge_credential(**certificate_details())
    token = sign_credential(credential)

    header = jwt.get_unverified_header(token)
    assert header == {
        "alg": "EdDSA",
        "kid": f"did:web:testserver#{key_id(signing_key().public_key())}",
        "typ": "JWT",
    }
    payload = json.loads(base64url_decode(token.split(".")[1]))
    assert "vc" not in payload
    assert payload["iss"] == credential["issuer"]["id"] == "did:web:testserver"
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == credential["credentialSubject"]["id"]
    assert payload["nbf"] == int(ISSUED.timestamp())
    assert "exp" not in payload
    assert payload["credentialSubject"] == credential["credentialSubject"]


def test_the_credential_says_what_the_certificate_says():
    credential = open_badge_credential(**certificate_details())

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["name"] == "Nikrah"
    assert credential["validFrom"] == "2025-03-01T09:30:00Z"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "hashed": False,
            "identityHash": "Sara Ahmadi",
            "identityType": "name",
        }
    ]
    assert subject["achievement"]["creator"]["name"] == "Kind Hands"
    assert subject["achievement"]["criteria"] == {
        "narrative": "Volunteered at the food bank, with hours confirmed by the charity."
    }
    assert subject["result"][0]["value"] == "12.5"
    assert subject["activityStartDate"] == "2025-01-05T00:00:00Z"
    assert subject["activityEndDate"] == "2025-02-20T00:00:00Z"
    assert "12.5 hours" in subject["narrative"]
    assert credential["credentialStatus"] == {
        "id": f"{STATUS_LIST_URL}#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": STATUS_LIST_URL,
    }


def test_a_persian_certificate_is_issued_by_nikrah_in_persian():
    credential = open_badge_credential(**certificate_details(language="fa"))

    assert credential["issuer"]["name"] == "نیکراه"
    assert to_persian_digits("12.5") in credential["credentialSubject"]["narrative"]
    assert credential["credentialSubject"]["result"][0]["value"] == "12.5"


# Forgeries and tampering


@pytest.mark.parametrize("segment", [0, 1, 2], ids=["header", "payload", "signature"])
def test_changing_any_byte_of_a_signed_certificate_makes_it_fail(segment):
    token = sign_credential(open_badge_credential(**certificate_details()))
    jwks = fetched(public_jwks())
    length = len(base64url_decode(token.split(".")[segment]))

    for position in range(length):
        with pytest.raises(InvalidCredential):
            verify_credential(with_byte_changed(token, segment, position), jwks)


def test_a_certificate_signed_with_another_key_fails_even_under_our_key_id():
    credential = open_badge_credential(**certificate_details())
    genuine_header = jwt.get_unverified_header(sign_credential(credential))
    forged = jwt.encode(
        json.loads(base64url_decode(sign_credential(credential).split(".")[1])),
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": genuine_header["kid"], "typ": "JWT"},
    )

    with pytest.raises(InvalidCredential, match="signature"):
        verify_credential(forged, fetched(public_jwks()))


def test_a_certificate_signed_with_an_unpublished_key_fails(settings):
    credential = open_badge_credential(**certificate_details())
    jwks = fetched(public_jwks())
    settings.NIKRAH_SIGNING_KEY = generate_key_text()

    with pytest.raises(InvalidCredential, match="not among the published keys"):
        verify_credential(sign_credential(credential), jwks)


@pytest.mark.parametrize("algorithm", ["none", "HS256"])
def test_unsigned_and_hmac_forgeries_fail(algorithm):
    token = sign_credential(open_badge_credential(**certificate_details()))
    header = jwt.get_unverified_header(token)
    payload = json.loads(base64url_decode(token.split(".")[1]))
    payload["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory"
    jwks = fetched(public_jwks())
    # The classic HMAC forgery uses the published public key as the shared secret.
    secret = None if algorithm == "none" else base64url_decode(jwks["keys"][0]["x"])
    forged = jwt.encode(payload, secret, algorithm=algorithm, headers={"kid": header["kid"]})

    with pytest.raises(InvalidCredential, match="not accepted"):
        verify_credential(forged, jwks)


@pytest.mark.parametrize("token", ["", "not a token", "a.b.c", "a.b", None])
def test_a_malformed_token_fails(token):
    with pytest.raises(InvalidCredential):
        verify_credential(token, fetched(public_jwks()))


def test_a_certificate_fails_before_it_is_valid():
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    token = sign_credential(open_badge_credential(**certificate_details(valid_from=tomorrow)))

    with pytest.raises(InvalidCredential, match="not valid yet"):
        verify_credential(token, fetched(public_jwks()))


def test_a_certificate_fails_after_it_expires():
    credential = open_badge_credential(**certificate_details())
    credential["validUntil"] = "2025-03-02T00:00:00Z"
    token = sign_credential(credential)

    assert json.loads(base64url_decode(token.split(".")[1]))["exp"] == 1740873600
    with pytest.raises(InvalidCredential, match="expired"):
        verify_credential(token, fetched(public_jwks()))


def test_a_signature_over_claims_that_contradict_the_credential_fails():
    credential = open_badge_credential(**certificate_details())
    header = jwt.get_unverified_header(sign_credential(credential))
    payload = credential | {
        "iss": credential["issuer"]["id"],
        "jti": "http://testserver/certificates/ANOTHER/credential",
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(ISSUED.timestamp()),
    }
    token = jwt.encode(payload, signing_key(), algorithm="EdDSA", headers=header)

    with pytest.raises(InvalidCredential, match="jti"):
        verify_credential(token, fetched(public_jwks()))


# Published keys and rotation


def test_the_did_document_publishes_the_same_keys_as_the_jwks(settings):
    settings.NIKRAH_RETIRED_PUBLIC_KEYS = [
        public_key_text(Ed25519PrivateKey.generate().public_key())
    ]
    jwks = fetched(public_jwks())
    document = fetched(did_document())

    assert document["id"] == "did:web:testserver"
    methods = document["verificationMethod"]
    assert [method["publicKeyJwk"] for method in methods] == jwks["keys"]
    assert [method["id"] for method in methods] == [
        f"did:web:testserver#{key['kid']}" for key in jwks["keys"]
    ]
    assert {method["type"] for method in methods} == {"JsonWebKey2020"}
    assert document["assertionMethod"] == [method["id"] for method in methods]
    for key in jwks["keys"]:
        assert {"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig"}.items() <= key.items()
        assert "d" not in key


def test_the_key_id_is_the_rfc_7638_thumbprint():
    # RFC 8037 Appendix A.3: the thumbprint of its Ed25519 example key.
    public_key = Ed25519PrivateKey.from_private_bytes(
        base64url_decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
    ).public_key()

    assert key_id(public_key) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


def test_the_issuer_did_comes_from_the_site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://nikrah.example.org"
    assert issuer_did() == "did:web:nikrah.example.org"

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert issuer_did() == "did:web:127.0.0.1%3A8000"


def test_a_certificate_signed_before_a_key_rotation_still_verifies(settings):
    credential = open_badge_credential(**certificate_details())
    signed_before = sign_credential(credential)
    old_public_key = public_key_text(signing_key().public_key())

    settings.NIKRAH_SIGNING_KEY = generate_key_text()
    settings.NIKRAH_RETIRED_PUBLIC_KEYS = [old_public_key]
    jwks = fetched(public_jwks())
    signed_after = sign_credential(credential)

    assert verify_credential(signed_before, jwks) == credential
    assert verify_credential(signed_after, jwks) == credential
    assert (
        jwt.get_unverified_header(signed_before)["kid"]
        != (jwt.get_unverified_header(signed_after)["kid"])
    )
    assert len(fetched(did_document())["verificationMethod"]) == 2

    settings.NIKRAH_RETIRED_PUBLIC_KEYS = []
    with pytest.raises(InvalidCredential):
        verify_credential(signed_before, fetched(public_jwks()))


# Revocation


def test_a_revoked_certificate_fails_the_check_while_another_passes():
    revoked = sign_credential(open_badge_credential(**certificate_details(status_index=94567)))
    kept = open_badge_credential(**certificate_details(status_index=23452))
    status_list = signed_status_list([94567])
    jwks = fetched(public_jwks())

    with pytest.raises(InvalidCredential, match="revoked"):
        check_credential(revoked, jwks, status_list)
    assert check_credential(sign_credential(kept), jwks, status_list) == kept


def test_a_status_list_published_elsewhere_is_not_accepted():
    token = sign_credential(open_badge_credential(**certificate_details()))
    elsewhere = signed_status_list([], url="http://testserver/credentials/status/2")

    with pytest.raises(InvalidCredential, match="not the one the credential points to"):
        check_credential(token, fetched(public_jwks()), elsewhere)


def test_a_status_list_signed_by_someone_else_is_not_accepted(settings):
    token = sign_credential(open_badge_credential(**certificate_details()))
    jwks = fetched(public_jwks())
    settings.NIKRAH_SIGNING_KEY = generate_key_text()

    with pytest.raises(InvalidCredential):
        check_credential(token, jwks, signed_status_list([]))


def test_the_status_list_credential_has_the_shape_bitstring_status_list_asks_for():
    credential = status_list_credential(url=STATUS_LIST_URL, revoked_indices=[], valid_from=ISSUED)

    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["id"] == STATUS_LIST_URL
    assert credential["credentialSubject"]["id"] == f"{STATUS_LIST_URL}#list"
    assert credential["credentialSubject"]["type"] == "BitstringStatusList"
    assert credential["credentialSubject"]["statusPurpose"] == "revocation"
    assert credential["credentialSubject"]["encodedList"].startswith("u")


def test_the_status_list_round_trips_including_its_first_and_last_index():
    last = 131_071
    encoded = encode_status_list({0, 94567, last})

    bitstring = decode_status_list(encoded)
    assert len(bitstring) == 16 * 1024
    assert bitstring[0] == 0b1000_0000  # index 0 is the left-most bit of the first byte
    assert bitstring[-1] == 0b0000_0001  # the last index is the right-most bit of the last
    assert [index for index in (0, 1, 94566, 94567, last - 1, last) if is_set(encoded, index)] == [
        0,
        94567,
        last,
    ]
    assert sum(bin(byte).count("1") for byte in bitstring) == 3


def test_the_status_list_is_at_least_16kb():
    with pytest.raises(ValueError):
        encode_status_list([], length=131_064)
    with pytest.raises(ValueError):
        encode_status_list([131_072])
    assert len(decode_status_list(encode_status_list([], length=262_144))) == 32 * 1024

    too_short = "u" + base64url_encode(gzip.compress(bytes(1024))).decode()
    with pytest.raises(InvalidCredential, match="fewer than 131072"):
        decode_status_list(too_short)


def test_the_specifications_example_status_list_decodes_to_16kb_of_zeros():
    # The encodedList of the example in Bitstring Status List v1.0 §2.2.
    encoded = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"

    assert decode_status_list(encoded) == bytes(16 * 1024)


# Configuration and the key command


def test_a_missing_signing_key_is_reported_clearly(settings):
    settings.NIKRAH_SIGNING_KEY = ""

    with pytest.raises(ImproperlyConfigured, match="NIKRAH_SIGNING_KEY is not set"):
        sign_credential(open_badge_credential(**certificate_details()))


@pytest.mark.parametrize(
    "text", ["not base64url!", "c2hvcnQ", "dGVzdC1vbmx5LWVkMjU1MTktc2lnbmluZy1rZXktMzItbG9uZw"]
)
def test_a_malformed_signing_key_is_reported_clearly_without_repeating_it(settings, text):
    settings.NIKRAH_SIGNING_KEY = text

    with pytest.raises(ImproperlyConfigured, match="not a valid key") as error:
        signing_key()
    assert text not in str(error.value)


def test_a_malformed_retired_key_is_reported_clearly(settings):
    settings.NIKRAH_RETIRED_PUBLIC_KEYS = [public_key_text(signing_key().public_key()), "oops"]

    with pytest.raises(ImproperlyConfigured, match="NIKRAH_RETIRED_PUBLIC_KEYS entry 2"):
        public_jwks()


def test_generate_signing_key_prints_only_a_usable_key(settings):
    out = StringIO()
    call_command("generate_signing_key", stdout=out)
    key_text = out.getvalue().strip()

    assert out.getvalue() == f"{key_text}\n"
    settings.NIKRAH_SIGNING_KEY = key_text
    credential = open_badge_credential(**certificate_details())
    assert verify_credential(sign_credential(credential), fetched(public_jwks())) == credential


def test_generate_signing_key_public_prints_the_key_to_retire(settings):
    out = StringIO()
    call_command("generate_signing_key", "--public", stdout=out)
    token = sign_credential(open_badge_credential(**certificate_details()))

    settings.NIKRAH_RETIRED_PUBLIC_KEYS = [out.getvalue().strip()]
    settings.NIKRAH_SIGNING_KEY = generate_key_text()
    verify_credential(token, fetched(public_jwks()))


def test_generate_signing_key_public_without_a_key_says_so(settings):
    settings.NIKRAH_SIGNING_KEY = ""

    with pytest.raises(CommandError, match="NIKRAH_SIGNING_KEY is not set"):
        call_command("generate_signing_key", "--public", stdout=StringIO())
