namespace EdgeStation.Domain.Accounts;

/// <summary>
/// Secrets that guessers try first: the top of the public leaked-password rankings (international and Chinese,
/// e.g. 5201314 "我爱你一生一世"), lower case. <see cref="Bases"/> are words that stay weak with digits or symbols
/// added (password2026, admin@123).
/// </summary>
public static class CommonSecrets
{
    public static readonly HashSet<string> Whole = new(StringComparer.Ordinal)
    {
        "5201314", "1314520", "520520", "5211314", "1314521", "123123", "321321", "123321", "112233", "121212",
        "147258", "147258369", "159753", "159357", "789456", "741852", "963852", "258369", "147852", "142857",
        "666888", "168168", "518518", "888999", "654321", "778899", "110110", "251314", "131313", "520131",
        "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qazwsxedc", "zaq12wsx", "q1w2e3r4", "1qazxsw2",
        "abc123456", "abcd1234", "a1234567", "a12345678", "a123456789", "aa123456", "aa12345678", "qq123456",
        "qwe123456", "asd123456", "zxc123456", "woaini1314", "woaini520", "iloveyou1", "qwer1234", "asdf1234",
        "zxcv1234", "1234qwer", "1234abcd", "12345abc", "123456abc", "123456aa", "123qwe", "123qweasd", "qweasdzxc",
        "sunshine", "football", "baseball", "princess", "superman", "starwars", "trustno1", "dragon123",
        "monkey123", "shadow123", "master123", "whatever", "computer", "internet", "zhang123", "wang1234",
    };

    public static readonly string[] Bases =
    [
        "password", "passwd", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "admin", "administrator", "root", "user",
        "guest", "test", "welcome", "letmein", "changeme", "default", "qwerty", "iloveyou", "woaini", "abc", "abcd",
        "edgestation", "station", "pingan", "zongzhi", "mima", "pa$$word",
    ];
}
