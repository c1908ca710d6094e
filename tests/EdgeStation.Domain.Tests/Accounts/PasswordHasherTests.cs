using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class PasswordHasherTests
{
    private const int Cheap = PasswordHasher.MinimumIterations; // the floor keeps these tests quick

    [Fact]
    public void A_hash_has_the_documented_format()
    {
        var stored = PasswordHasher.Hash("村委会2026!", Cheap);

        var parts = stored.Split('$');
        Assert.Equal(["pbkdf2-sha256", "200000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void The_right_secret_verifies_after_a_round_trip_through_the_stored_string()
    {
        var stored = PasswordHasher.Hash("村委会2026!", Cheap);

        Assert.NotEqual(PasswordVerification.Failed, PasswordHasher.Verify("村委会2026!", stored));
    }

    [Fact]
    public void A_wrong_secret_does_not_verify()
    {
        var stored = PasswordHasher.Hash("村委会2026!", Cheap);

        Assert.Equal(PasswordVerification.Failed, PasswordHasher.Verify("村委会2026?", stored));
    }

    [Fact]
    public void The_same_secret_gets_a_different_salt_each_time()
    {
        Assert.NotEqual(PasswordHasher.Hash("24681357", Cheap), PasswordHasher.Hash("24681357", Cheap));
    }

    [Fact]
    public void The_default_count_is_at_least_the_floor()
    {
        Assert.True(PasswordHasher.Iterations >= PasswordHasher.MinimumIterations);
        Assert.True(PasswordHasher.MinimumIterations >= 200_000);
    }

    [Fact]
    public void Fewer_iterations_than_today_ask_for_a_rehash()
    {
        var stored = PasswordHasher.Hash("24681357", Cheap);

        Assert.True(PasswordHasher.NeedsRehash(stored));
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, PasswordHasher.Verify("24681357", stored));
    }

    [Fact]
    public void A_hash_below_the_floor_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHasher.Hash("24681357", 1000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24681357")]
    [InlineData("pbkdf2-sha256$200000$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$99999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("md5$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$200000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.Equal(PasswordVerification.Failed, PasswordHasher.Verify("24681357", stored));
    }
}
