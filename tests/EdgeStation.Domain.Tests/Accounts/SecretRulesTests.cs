using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class SecretRulesTests
{
    [Theory]
    [InlineData("24681357")]
    [InlineData("592817")]
    [InlineData("correct horse")]
    [InlineData("平安村委会2026")]
    [InlineData("k7m2-p9qx")]
    [InlineData("new-secret-2026")]
    [InlineData("580316")]
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

    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("5201314")]
    [InlineData("147258369")]
    [InlineData("1qaz2wsx")]
    [InlineData("woaini1314")]
    public void Regression_the_most_common_secrets_are_refused(string secret)
    {
        var ex = Assert.Throws<AccountInputException>(() => SecretRules.Check("wangfang", secret));

        Assert.Contains("most common", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password2026", "'password' with digits or symbols")]
    [InlineData("Admin@123", "'admin' with digits or symbols")]
    [InlineData("123admin!", "'admin' with digits or symbols")]
    [InlineData("wangfang2026", "contain the account's name")]
    [InlineData("907907", "repeats a short block")]
    [InlineData("520520520", "repeats a short block")]
    [InlineData("abcabcabc", "repeats a short block")]
    [InlineData("abcdefgh", "consecutive letters")]
    [InlineData("ZYXWVUTS", "consecutive letters")]
    [InlineData("qwertyuiop", "most common")]
    [InlineData("asdfghjkl", "walks along the keyboard")]
    [InlineData("lkjhgfdsa", "walks along the keyboard")]
    [InlineData("1qaz2wsx3edc", "walks along the keyboard")]
    public void Regression_sequences_and_padded_common_words_are_refused(string secret, string message)
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
