using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class SecretRulesTests
{
    [Theory]
    [InlineData("24681357")]
    [InlineData("592817")]
    [InlineData("correct horse")]
    [InlineData("平安村委会2026")]
    public void Good_secrets_pass(string secret)
    {
        SecretRules.Check("wangfang", secret);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("12345", "at least 6 digits")]
    [InlineData("000000", "one digit repeated")]
    [InlineData("123456", "consecutive digits")]
    [InlineData("987654", "consecutive digits")]
    [InlineData("7890123", "consecutive digits")]
    [InlineData("abc1234", "at least 8 characters")]
    [InlineData("WangFang", "account's name")]
    [InlineData("pass\tword1", "control character")]
    public void Weak_secrets_are_refused_with_the_rule_they_break(string secret, string message)
    {
        var ex = Assert.Throws<AccountInputException>(() => SecretRules.Check("wangfang", secret));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_longer_than_the_limit_is_refused()
    {
        Assert.Throws<AccountInputException>(() => SecretRules.Check("wangfang", new string('x', SecretRules.MaxLength + 1)));
    }
}
