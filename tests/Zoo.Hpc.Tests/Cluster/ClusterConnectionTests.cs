using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Cluster;

/// <summary>ClusterConnection against the real sshd of the test cluster (../shared/infra).</summary>
[Category("Cluster")]
[NonParallelizable]
public class ClusterConnectionTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private ClusterEnvironment _cluster = null!;

    [SetUp]
    public void RequireCluster() => _cluster = ClusterEnvironment.Require();

    private Task<ClusterConnection> Open(SshSettings? settings = null, TimeSpan? commandTimeout = null) =>
        ClusterConnection.OpenAsync(settings ?? _cluster.Settings(), commandTimeout ?? CommandTimeout);

    [Test]
    public async Task Connects_with_the_ed25519_key_and_known_hosts_and_runs_sbatch()
    {
        using var connection = await Open();

        var result = await connection.RunAsync(["sbatch", "--version"]);

        Assert.That(result.ExitStatus, Is.Zero, result.StandardError);
        Assert.That(result.StandardOutput, Does.Match(@"^slurm(-wlm)? \d+\."));
    }

    [Test]
    public async Task Exit_status_and_standard_error_are_returned()
    {
        using var connection = await Open();

        var result = await connection.RunAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);

        Assert.That(result, Is.EqualTo(new RemoteCommandResult(3, "out\n", "err\n", null)));
    }

    [Test]
    public async Task A_hostile_argument_reaches_the_program_as_one_literal_word()
    {
        var marker = $"/tmp/pwned-{Guid.NewGuid():N}";
        var hostile = $"\"; touch {marker}; \"";
        var others = new[] { $"'; touch {marker}; '", $"$(touch {marker})", $"`touch {marker}`", $"a\ntouch {marker}" };
        using var connection = await Open();

        var result = await connection.RunAsync(["printf", "%s\\n", hostile]);
        var all = await connection.RunAsync(["printf", "%s\\037", .. others]);
        var exists = await connection.RunAsync(["test", "-e", marker]);

        Assert.That(result.ExitStatus, Is.Zero, result.StandardError);
        Assert.That(result.StandardOutput, Is.EqualTo(hostile + "\n"));
        Assert.That(all.StandardOutput.Split('\x1f')[..^1], Is.EqualTo(others));
        Assert.That(exists.ExitStatus, Is.EqualTo(1), "the marker file must not exist on the cluster");
        Assert.That(File.Exists(marker), Is.False, "the cluster is this machine: no marker file here either");
    }

    private static async Task<bool> ExistsAsync(ClusterConnection connection, string path) =>
        (await connection.RunAsync(["test", "-e", path])).ExitStatus == 0;

    [TestCase(5 * 1024 * 1024, TestName = "Files_round_trip_with_directories_and_checksum over SFTP (5 MiB)")]
    [TestCase(200 * 1024, TestName = "Files_round_trip_with_directories_and_checksum over the command connection (200 KiB)")]
    [TestCase(0, TestName = "Files_round_trip_with_directories_and_checksum: an empty file")]
    public async Task Files_round_trip_with_directories_and_checksum(int size)
    {
        using var local = new TempDirectory();
        var source = local.PathOf("input.bin");
        var content = RandomNumberGenerator.GetBytes(size);
        await File.WriteAllBytesAsync(source, content);
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        var directory = $"{root}/a/b/c";
        var remote = RemotePath.Combine(directory, "input.bin");
        using var connection = await Open();
        try
        {
            Assert.That(await ExistsAsync(connection, directory), Is.False);

            await connection.CreateDirectoriesAsync([directory, $"{_cluster.RemoteHome}/{root}/abs/olute"]);
            await connection.CreateDirectoriesAsync([directory + "/"]); // mkdir -p: existing is fine
            Assert.That(await ExistsAsync(connection, directory), Is.True);
            Assert.That(await ExistsAsync(connection, $"{root}/abs/olute"), Is.True);
            Assert.That(await ExistsAsync(connection, remote), Is.False);

            await connection.UploadAsync(source, remote);
            await connection.UploadAsync(source, remote); // replaces the file
            var listing = await connection.RunAsync(["ls", "-A", directory]);
            Assert.That(listing.StandardOutput, Is.EqualTo("input.bin\n"), "no temporary upload file is left behind");

            var checksum = await connection.Sha256Async(remote);
            Assert.That(checksum, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));

            var copy = local.PathOf("copy.bin");
            await connection.DownloadAsync(remote, copy);
            Assert.That(await File.ReadAllBytesAsync(copy), Is.EqualTo(content));
            Assert.That(Directory.GetFiles(local.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "input.bin", "copy.bin" }));
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task A_file_and_the_command_run_on_it_go_together_and_the_command_result_is_its_own()
    {
        using var local = new TempDirectory();
        var script = local.Write("job.sh", "echo \"ran $1\"; exit 3\n");
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        using var connection = await Open();
        try
        {
            var result = await connection.UploadAndRunAsync(script, $"{root}/work/job.sh", [$"{root}/work", $"{root}/data"],
                ["sh", $"{root}/work/job.sh", "it"]);

            Assert.That((result.ExitStatus, result.StandardOutput), Is.EqualTo((3, "ran it\n")));
            Assert.That(await ExistsAsync(connection, $"{root}/data"), Is.True, "the directories were made too");
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task A_large_file_goes_over_sftp_into_the_directories_made_for_it()
    {
        using var local = new TempDirectory();
        var source = local.PathOf("large.bin");
        var content = RandomNumberGenerator.GetBytes((int)ClusterConnection.CommandChannelLimit + 1);
        await File.WriteAllBytesAsync(source, content);
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        using var connection = await Open();
        try
        {
            var result = await connection.UploadAndRunAsync(source, $"{root}/a/large.bin", [$"{root}/a"], ["sha256sum", "--", $"{root}/a/large.bin"]);

            Assert.That(result.StandardOutput[..64], Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task A_command_whose_file_could_not_be_written_does_not_run()
    {
        using var local = new TempDirectory();
        var script = local.Write("job.sh", "true\n");
        var marker = $"zoo-tests-{Guid.NewGuid():N}.ran";
        using var connection = await Open();

        var failure = (await Assert.ThrowsAsync<ClusterConnectionException>(() =>
            connection.UploadAndRunAsync(script, "/root/zoo-denied.sh", [], ["touch", marker])))!;

        Assert.That(failure.Failure, Is.EqualTo(ClusterFailure.FileOperation));
        Assert.That(await ExistsAsync(connection, marker), Is.False);
    }

    [Test]
    public async Task File_names_a_shell_would_read_otherwise_travel_as_they_are()
    {
        using var local = new TempDirectory();
        var source = local.Write("input.txt", "small");
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        var hostile = $"{root}/-n it's $(touch x) `id` ; \"q\" *";
        using var connection = await Open();
        try
        {
            await connection.CreateDirectoriesAsync([hostile]);
            await connection.UploadAsync(source, $"{hostile}/-f.txt");
            await connection.DownloadAsync($"{hostile}/-f.txt", local.PathOf("copy.txt"));

            Assert.That(File.ReadAllText(local.PathOf("copy.txt")), Is.EqualTo("small"));
            Assert.That((await connection.RunAsync(["ls", "-A", root])).StandardOutput, Is.EqualTo("-n it's $(touch x) `id` ; \"q\" *\n"));
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task A_download_resumes_after_the_bytes_a_broken_transfer_left()
    {
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        // Zeros where the remote file has random bytes: what arrives shows which bytes were fetched.
        var partial = new byte[1_000_000];

        var downloaded = await DownloadOverPartialAsync(content, partial);

        Assert.That(downloaded, Is.EqualTo(partial.Concat(content[partial.Length..]).ToArray()));
    }

    [Test]
    public async Task A_partial_file_longer_than_the_remote_one_is_fetched_again()
    {
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);

        var downloaded = await DownloadOverPartialAsync(content, new byte[3 * 1024 * 1024]);

        Assert.That(downloaded, Is.EqualTo(content));
    }

    /// <summary>Uploads <paramref name="content"/>, leaves <paramref name="partial"/> as the target's .part, downloads; returns what arrived.</summary>
    private async Task<byte[]> DownloadOverPartialAsync(byte[] content, byte[] partial)
    {
        using var local = new TempDirectory();
        var source = local.PathOf("output.tif");
        await File.WriteAllBytesAsync(source, content);
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        var remote = RemotePath.Combine(root, "output.tif");
        var target = local.PathOf("home.tif");
        await File.WriteAllBytesAsync(ClusterConnection.PartialPathOf(target), partial);
        using var connection = await Open();
        try
        {
            await connection.CreateDirectoriesAsync([root]);
            await connection.UploadAsync(source, remote);
            await connection.DownloadAsync(remote, target);
            Assert.That(File.Exists(ClusterConnection.PartialPathOf(target)), Is.False);
            return await File.ReadAllBytesAsync(target);
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task File_failures_are_clear_and_leave_no_partial_files()
    {
        using var local = new TempDirectory();
        var root = $"zoo-tests-{Guid.NewGuid():N}";
        using var connection = await Open();
        try
        {
            var missing = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.DownloadAsync($"{root}/missing.tif", local.PathOf("out.tif"))))!;
            Assert.That(missing.Failure, Is.EqualTo(ClusterFailure.FileOperation));
            Assert.That(missing.Message, Does.StartWith($"SSH {_cluster.User}@{_cluster.Host}:{_cluster.Port}: download of {root}/missing.tif"));
            Assert.That(missing.Message, Does.Contain("no such file"));
            Assert.That(Directory.GetFiles(local.Path), Is.Empty);

            var file = local.Write("file.txt", "x");
            await connection.CreateDirectoriesAsync([root]);
            await connection.UploadAsync(file, $"{root}/file.txt");
            var notDirectory = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.CreateDirectoriesAsync([$"{root}/file.txt/sub"])))!;
            Assert.That(notDirectory.Failure, Is.EqualTo(ClusterFailure.FileOperation));
            Assert.That(notDirectory.Message, Does.Contain($"{root}/file.txt"));

            var directory = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.DownloadAsync(root, local.PathOf("dir"))))!;
            Assert.That(directory.Message, Does.Contain("the remote path is a directory"));

            var denied = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.UploadAsync(file, "/root/zoo-denied.txt")))!;
            Assert.That(denied.Failure, Is.EqualTo(ClusterFailure.FileOperation));
            Assert.That(denied.Message, Does.Contain("Permission denied"));

            var noLocal = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.UploadAsync(local.PathOf("absent"), $"{root}/x")))!;
            Assert.That(noLocal.Message, Does.Contain("cannot read the local file"));

            var noSum = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.Sha256Async($"{root}/absent")))!;
            Assert.That(noSum.Failure, Is.EqualTo(ClusterFailure.Command));
            Assert.That(noSum.Message, Does.Contain("sha256sum of"));
            Assert.That(Directory.GetFiles(local.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "file.txt" }));
        }
        finally
        {
            await connection.RunAsync(["rm", "-rf", "--", root]);
        }
    }

    [Test]
    public async Task A_command_that_outlives_the_command_timeout_is_stopped_with_a_clear_error()
    {
        using var connection = await Open(commandTimeout: TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => connection.RunAsync(["sleep", "30"])))!;

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.Command));
        Assert.That(error.Message, Does.Contain("did not finish within 1 s"));
    }

    [Test]
    public async Task An_unknown_host_key_is_refused_with_how_to_accept_it()
    {
        using var local = new TempDirectory();
        var empty = local.Write("known_hosts", "");

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(hostKey: new HostKeyVerification(empty, null)))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.HostKeyRefused));
        Assert.That(error.Message, Does.StartWith($"SSH {_cluster.User}@{_cluster.Host}:{_cluster.Port}: host key refused"));
        Assert.That(error.Message, Does.Contain($"ssh -p {_cluster.Port} -o UserKnownHostsFile='{empty}' {_cluster.User}@{_cluster.Host}"));
        Assert.That(_cluster.HostKeyFingerprints.Any(fp => error.Message.Contains($"ssh_host_key_fingerprint=SHA256:{fp}", StringComparison.Ordinal)),
            Is.True, error.Message);
    }

    [Test]
    public async Task A_changed_host_key_is_refused()
    {
        using var local = new TempDirectory();
        var other = TestKeys.Ed25519();
        var file = local.Write("known_hosts", $"[{_cluster.Host}]:{_cluster.Port} ssh-ed25519 {Convert.ToBase64String(other)}\n");

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(hostKey: new HostKeyVerification(file, null)))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.HostKeyRefused));
        Assert.That(error.Message, Does.Contain("HAS CHANGED"));
    }

    [Test]
    public async Task The_pinned_fingerprint_of_the_server_is_accepted()
    {
        // Which host key SSH.NET negotiates depends on its preference: accept either of the server's two.
        var accepted = 0;
        foreach (var fingerprint in _cluster.HostKeyFingerprints)
        {
            try
            {
                using var connection = await Open(_cluster.Settings(hostKey: new HostKeyVerification(null, fingerprint)));
                accepted++;
            }
            catch (ClusterConnectionException e) when (e.Failure == ClusterFailure.HostKeyRefused)
            {
                // the other key was negotiated
            }
        }
        Assert.That(accepted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_wrong_pinned_fingerprint_is_refused()
    {
        var wrong = Convert.ToBase64String(SHA256.HashData(TestKeys.Ed25519())).TrimEnd('=');

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(hostKey: new HostKeyVerification(_cluster.KnownHosts, wrong)))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.HostKeyRefused));
        Assert.That(error.Message, Does.Contain($"not the pinned ssh_host_key_fingerprint=SHA256:{wrong}"));
    }

    [Test]
    public async Task A_key_the_server_does_not_know_is_refused_with_a_clear_error()
    {
        using var local = new TempDirectory();
        var key = local.PathOf("id_ed25519");
        var keygen = Process.Start(new ProcessStartInfo("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]) { RedirectStandardOutput = true })!;
        Assert.That(keygen.WaitForExit(20_000) && keygen.ExitCode == 0, Is.True, "ssh-keygen made a key");

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(credentials: KeyFileCredentials.FromSshKey(key + ".pub")))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.AuthenticationFailed));
        Assert.That(error.Message, Does.StartWith($"SSH {_cluster.User}@{_cluster.Host}:{_cluster.Port}: the server refused the login"));
        Assert.That(error.Message, Does.Contain(key).And.Contain("authorized_keys"));
    }

    [Test]
    public async Task A_missing_key_file_is_a_clear_error()
    {
        using var local = new TempDirectory();

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(credentials: KeyFileCredentials.FromSshKey(local.PathOf("absent.pub"))))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.AuthenticationFailed));
        Assert.That(error.Message, Does.Contain("cannot use the private key " + local.PathOf("absent")));
    }

    [Test]
    public async Task A_password_is_refused_by_the_key_only_server()
    {
        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(credentials: new PasswordCredentials("not-the-password")))))!;

        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.AuthenticationFailed));
        Assert.That(error.Message, Does.Contain("ssh_password"));
    }

    [Test]
    public async Task An_unreachable_port_gives_a_clear_error_within_the_timeout()
    {
        var timeout = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() => Open(_cluster.Settings(port: FreePort(), connectTimeout: timeout))))!;

        Assert.That(watch.Elapsed, Is.LessThan(timeout + TimeSpan.FromSeconds(2)));
        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.Unreachable));
        Assert.That(error.Message, Does.StartWith($"SSH {_cluster.User}@{_cluster.Host}:"));
        Assert.That(error.Message, Does.Contain("cannot connect").Or.Contain("no SSH"));
    }

    [Test]
    public async Task A_port_that_accepts_but_never_speaks_SSH_times_out_within_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var timeout = TimeSpan.FromSeconds(2);
        var watch = Stopwatch.StartNew();

        var error = (await Assert.ThrowsAsync<ClusterConnectionException>(() =>
            Open(_cluster.Settings(port: port, connectTimeout: timeout) with { Host = "127.0.0.1" })))!;

        Assert.That(watch.Elapsed, Is.LessThan(timeout + TimeSpan.FromSeconds(3)));
        Assert.That(error.Failure, Is.EqualTo(ClusterFailure.Unreachable));
        Assert.That(error.Message, Does.Contain($"127.0.0.1:{port}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
