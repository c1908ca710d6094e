using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class UserNamesTests
{
    [Theory]
    [InlineData("WangFang", "wangfang")]
    [InlineData("  li.ming ", "li.ming")]
    [InlineData("王芳", "王芳")]
    [InlineData("grid_worker-2", "grid_worker-2")]
    public void Names_are_stored_trimmed_and_in_lower_case(string raw, string stored)
    {
        Assert.Equal(stored, UserNames.Normalize(raw));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-admin")]
    [InlineData("wang fang")]
    [InlineData("user:root")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    public void Bad_names_are_refused(string raw)
    {
        Assert.Throws<AccountInputException>(() => UserNames.Normalize(raw));
    }
}
