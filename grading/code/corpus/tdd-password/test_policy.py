# ---- inlined from tests/policy_builder.py
from password import DEFAULT_MIN_LENGTH, Policy


class PolicyBuilder:
    def __init__(self) -> None:
        self._min_length = DEFAULT_MIN_LENGTH
        self._requires_digit = False
        self._requires_symbol = False
        self._requires_upper = False
        self._requires_lower = False

    def min_length(self, n: int) -> "PolicyBuilder":
        self._min_length = n
        return self

    def requires_digit(self) -> "PolicyBuilder":
        self._requires_digit = True
        return self

    def requires_symbol(self) -> "PolicyBuilder":
        self._requires_symbol = True
        return self

    def requires_upper(self) -> "PolicyBuilder":
        self._requires_upper = True
        return self

    def requires_lower(self) -> "PolicyBuilder":
        self._requires_lower = True
        return self

    def build(self) -> Policy:
        return Policy(
            min_length=self._min_length,
            requires_digit=self._requires_digit,
            requires_symbol=self._requires_symbol,
            requires_upper=self._requires_upper,
            requires_lower=self._requires_lower,
        )


def test_policy_with_min_length_8_accepts_an_8_character_password():
    policy = PolicyBuilder().min_length(8).build()
    assert policy.validate("abcd1234").ok is True


def test_policy_with_min_length_8_rejects_a_6_character_password():
    policy = PolicyBuilder().min_length(8).build()
    result = policy.validate("abc123")
    assert result.ok is False
    assert result.failures == ["minimum length"]


def test_policy_requiring_a_digit_accepts_a_password_with_a_digit():
    policy = PolicyBuilder().requires_digit().build()
    assert policy.validate("password1").ok is True


def test_policy_requiring_a_digit_rejects_a_password_with_no_digit():
    policy = PolicyBuilder().requires_digit().build()
    result = policy.validate("password")
    assert result.ok is False
    assert result.failures == ["requires digit"]


def test_policy_requiring_a_symbol_accepts_a_password_with_a_symbol():
    policy = PolicyBuilder().requires_symbol().build()
    assert policy.validate("password!").ok is True


def test_policy_requiring_a_symbol_rejects_a_password_with_no_symbol():
    policy = PolicyBuilder().requires_symbol().build()
    result = policy.validate("password1")
    assert result.ok is False
    assert result.failures == ["requires symbol"]


def test_policy_requiring_uppercase_rejects_an_all_lowercase_password():
    policy = PolicyBuilder().requires_upper().build()
    result = policy.validate("password1")
    assert result.ok is False
    assert result.failures == ["requires uppercase"]


def test_policy_requiring_lowercase_rejects_an_all_uppercase_password():
    policy = PolicyBuilder().requires_lower().build()
    result = policy.validate("PASSWORD1")
    assert result.ok is False
    assert result.failures == ["requires lowercase"]


def test_policy_with_multiple_requirements_reports_every_failed_rule():
    policy = (
        PolicyBuilder()
        .min_length(8)
        .requires_digit()
        .requires_symbol()
        .requires_upper()
        .requires_lower()
        .build()
    )

    assert policy.validate("Abcd123!").ok is True

    result = policy.validate("abc")
    assert result.ok is False
    assert result.failures == [
        "minimum length",
        "requires digit",
        "requires symbol",
        "requires uppercase",
    ]


def test_policy_builder_default_is_min_length_8_with_no_character_class_requirements():
    policy = PolicyBuilder().build()
    assert policy.validate("abcdefgh").ok is True
    result = policy.validate("abcdefg")
    assert result.ok is False
    assert result.failures == ["minimum length"]
