using Moq;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Tests.Remote;

/// <summary>When a session connects, keeps its connection, and drops it, with a stand-in for the cluster.</summary>
[TestFixture]
public sealed class ClusterSessionTests
{
    private static readonly ClusterConfiguration Configuration = new("hpc-test",
        new SshSettings("cluster.example.org", 22, "zoo", new PasswordCredentials("secret"), new HostKeyVerification(null, null), TimeSpan.FromSeconds(30)),
        "/home/zoo/data", null, "/home/zoo/work", new JobScriptFiles(null, null, null), [], null, "1", null, TimeSpan.FromSeconds(60));

    private static readonly RemoteCommandResult Done = new(0, "", "", null);

    private Mock<IClusterConnectionFactory> _connections = null!;
    private List<Mock<IClusterConnection>> _opened = null!;

    [SetUp]
    public void Cluster()
    {
        _connections = new Mock<IClusterConnectionFactory>();
        _opened = [];
        _connections.Setup(f => f.OpenAsync(Configuration, It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            var connection = new Mock<IClusterConnection>();
            connection.Setup(c => c.RunAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(Done);
            _opened.Add(connection);
            return connection.Object;
        });
    }

    private static Task<RemoteCommandResult> Run(ClusterSession session, Exception? failure = null) =>
        session.UseAsync(connection => failure is null ? connection.RunAsync(["true"], CancellationToken.None) : throw failure, CancellationToken.None);

    [Test]
    public async Task A_session_given_an_open_connection_uses_it_without_connecting()
    {
        var open = new Mock<IClusterConnection>();
        open.Setup(c => c.RunAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(Done);
        using var session = new ClusterSession(Configuration, _connections.Object, open.Object);

        await Run(session);

        Assert.That(_opened, Is.Empty);
        open.Verify(c => c.RunAsync(new[] { "true" }, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Nothing_connects_before_the_first_use()
    {
        using var session = new ClusterSession(Configuration, _connections.Object);

        Assert.That(_opened, Is.Empty);
    }

    [Test]
    public async Task The_connection_opened_by_the_first_use_serves_the_next()
    {
        using var session = new ClusterSession(Configuration, _connections.Object);

        await Run(session);
        await Run(session);

        Assert.That(_opened, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_broken_connection_is_closed_and_the_next_use_opens_a_new_one()
    {
        using var session = new ClusterSession(Configuration, _connections.Object);
        var lost = new ClusterConnectionException(ClusterFailure.ConnectionLost, "cluster.example.org", 22, "zoo", "the connection broke");

        Assert.That(async () => await Run(session, lost), Throws.InstanceOf<ClusterConnectionException>());
        await Run(session);

        Assert.That(_opened, Has.Count.EqualTo(2));
        _opened[0].Verify(c => c.Dispose(), Times.Once);
    }

    [Test]
    public async Task A_failed_command_keeps_the_connection()
    {
        using var session = new ClusterSession(Configuration, _connections.Object);
        var failed = new ClusterConnectionException(ClusterFailure.Command, "cluster.example.org", 22, "zoo", "sacct failed");

        Assert.That(async () => await Run(session, failed), Throws.InstanceOf<ClusterConnectionException>());
        await Run(session);

        Assert.That(_opened, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Disposing_the_session_closes_its_connection()
    {
        var session = new ClusterSession(Configuration, _connections.Object);
        await Run(session);

        session.Dispose();

        _opened[0].Verify(c => c.Dispose(), Times.Once);
    }
}
