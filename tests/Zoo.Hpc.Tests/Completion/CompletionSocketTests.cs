using System.Net.Sockets;
using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Tests.Completion;

[TestFixture]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CompletionSocketTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private string _tmpPath = "";

    [SetUp]
    public void CreateTmpPath() => _tmpPath = Directory.CreateTempSubdirectory("zw").FullName;

    [TearDown]
    public void RemoveTmpPath() => Directory.Delete(_tmpPath, recursive: true);

    private string DefaultPath => CompletionSocket.PathFor(null, _tmpPath, Usid);

    [Test]
    public void The_socket_has_the_name_zoo_gives_it() =>
        Assert.That(Path.GetFileName(DefaultPath), Is.EqualTo($".wait_socket_{Usid}.sock"));

    [Test]
    public void By_default_the_socket_lives_in_a_directory_only_its_owner_can_enter()
    {
        using var socket = CompletionSocket.Listen(DefaultPath);

        var directory = Path.GetDirectoryName(socket.SocketPath)!;
        Assert.That(File.GetUnixFileMode(directory),
            Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void A_configured_directory_holds_the_socket()
    {
        var configured = Directory.CreateDirectory(Path.Combine(_tmpPath, "sockets")).FullName;

        using var socket = CompletionSocket.Listen(CompletionSocket.PathFor(configured, _tmpPath, Usid));

        Assert.That(socket.SocketPath, Is.EqualTo(Path.Combine(configured, $".wait_socket_{Usid}.sock")));
    }

    [Test]
    public async Task A_notice_delivers_zoo_status_to_the_waiting_side()
    {
        using var socket = CompletionSocket.Listen(DefaultPath);
        var waiting = socket.WaitAsync(Patience, CancellationToken.None);

        await CompletionSocket.NotifyAsync(socket.SocketPath, "3", CancellationToken.None);

        Assert.That(await waiting, Is.EqualTo("3"));
    }

    [Test]
    public async Task Without_a_notice_the_wait_ends_with_nothing_after_the_timeout()
    {
        using var socket = CompletionSocket.Listen(DefaultPath);

        Assert.That(await socket.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_notice_sent_before_the_wait_begins_is_not_lost()
    {
        using var socket = CompletionSocket.Listen(DefaultPath);

        await CompletionSocket.NotifyAsync(socket.SocketPath, "3", CancellationToken.None);

        Assert.That(await socket.WaitAsync(Patience, CancellationToken.None), Is.EqualTo("3"));
    }

    [Test]
    public void A_socket_file_left_by_a_crashed_worker_does_not_block_a_new_listener()
    {
        LeaveSocketFileBehind(DefaultPath);
        Assert.That(File.Exists(DefaultPath), Is.True);

        using var fresh = CompletionSocket.Listen(DefaultPath);

        Assert.That(fresh.SocketPath, Is.EqualTo(DefaultPath));
    }

    /// <summary>What a killed worker leaves: a socket file nobody listens on (bound by a process that ended without unlinking it).</summary>
    private static void LeaveSocketFileBehind(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var python = System.Diagnostics.Process.Start("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path])!;
        python.WaitForExit();
    }

    [Test]
    public void A_second_listener_on_a_live_socket_is_refused()
    {
        using var first = CompletionSocket.Listen(DefaultPath);

        Assert.That(() => CompletionSocket.Listen(DefaultPath), Throws.InstanceOf<IOException>().With.Message.Contains("already waits"));
    }

    [Test]
    public void Disposing_removes_the_socket_file()
    {
        var socket = CompletionSocket.Listen(DefaultPath);

        socket.Dispose();

        Assert.That(File.Exists(DefaultPath), Is.False);
    }

    [Test]
    public void Notifying_a_job_nobody_waits_for_fails()
    {
        Assert.That(async () => await CompletionSocket.NotifyAsync(DefaultPath, "3", CancellationToken.None),
            Throws.InstanceOf<SocketException>());
    }

    [Test]
    public void A_path_too_long_for_a_unix_socket_says_to_set_wait_socket_dir()
    {
        var deep = Path.Combine(_tmpPath, new string('d', 80));
        Directory.CreateDirectory(deep);

        Assert.That(() => CompletionSocket.Listen(CompletionSocket.PathFor(deep, _tmpPath, Usid)),
            Throws.InstanceOf<IOException>().With.Message.Contains("wait_socket_dir"));
    }
}
