using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

public class UserAccountsTests
{
    private const string Passwd = """
        root:x:0:0:root:/root:/bin/bash
        # a comment
        www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
        broken:x:notanumber:1::/:/bin/sh
        """;

    private const string Group = """
        root:x:0:
        www-data:x:33:
        zoo:x:1001:alice,www-data
        ssl-cert:x:110:www-data
        other:x:1002:alice
        """;

    [Test]
    public void A_user_gets_the_ids_of_passwd_and_every_group_listing_them()
    {
        var user = UserAccounts.Find("www-data", Passwd, Group)!;

        Assert.That((user.Uid, user.Gid, user.Groups.Order()), Is.EqualTo((33u, 33u, new uint[] { 33, 110, 1001 })));
    }

    [Test]
    public void An_unknown_user_is_not_found()
    {
        Assert.That(UserAccounts.Find("nginx", Passwd, Group), Is.Null);
    }

    [Test]
    public void A_passwd_line_without_numeric_ids_is_skipped()
    {
        Assert.That(UserAccounts.Find("broken", Passwd, Group), Is.Null);
    }

    [Test]
    public void The_users_of_this_machine_are_read_from_etc_passwd()
    {
        Assert.That(UserAccounts.Find("root")?.Uid, Is.EqualTo(0u));
    }
}
