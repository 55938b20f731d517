using Renci.SshNet;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Tests.Remote;

/// <summary>Which key exchange algorithms a connection offers, in which order, on SSH.NET's own list.</summary>
[TestFixture]
public sealed class KeyExchangeOrderTests
{
    private static IOrderedDictionary<string, Func<Renci.SshNet.Security.IKeyExchange>> SshNetList() =>
        new ConnectionInfo("cluster.example.org", "zoo", new NoneAuthenticationMethod("zoo")).KeyExchangeAlgorithms;

    [Test]
    public void Without_a_choice_curve25519_comes_first()
    {
        var algorithms = SshNetList();

        KeyExchangeOrder.Apply(algorithms, null);

        Assert.That(algorithms.Keys.Take(2), Is.EqualTo(new[] { "curve25519-sha256", "curve25519-sha256@libssh.org" }));
    }

    [Test]
    public void Without_a_choice_every_algorithm_stays_offered_for_a_server_that_knows_no_other()
    {
        var algorithms = SshNetList();

        KeyExchangeOrder.Apply(algorithms, null);

        Assert.That(algorithms.Keys, Is.EquivalentTo(SshNetList().Keys));
        Assert.That(algorithms.Keys, Does.Contain("sntrup761x25519-sha512").And.Contain("mlkem768x25519-sha256"));
    }

    [Test]
    public void The_operator_list_is_offered_alone_in_its_order()
    {
        var algorithms = SshNetList();

        KeyExchangeOrder.Apply(algorithms, ["sntrup761x25519-sha512", "mlkem768x25519-sha256", "curve25519-sha256"]);

        Assert.That(algorithms.Keys, Is.EqualTo(new[] { "sntrup761x25519-sha512", "mlkem768x25519-sha256", "curve25519-sha256" }));
    }

    [Test]
    public void Names_ssh_net_does_not_implement_are_told_apart()
    {
        Assert.That(KeyExchangeOrder.Unknown(["curve25519-sha256", "kex-made-up@example.org", "mlkem768x25519-sha256"]),
            Is.EqualTo(new[] { "kex-made-up@example.org" }));
    }
}
