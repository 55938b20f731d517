using System.Diagnostics;
using System.Globalization;
using Renci.SshNet;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;

// One upload of a file to the test cluster, for bench/sftp-throughput.sh; prints "connect <seconds>", "cipher <name>"
// (when known) and "upload <seconds>". The connection is opened before the upload's clock starts.
//   kernel      the kernel's own ClusterConnection.OpenAsync and UploadAsync, as a job's inputs are uploaded
//   sshnet      a bare SSH.NET SftpClient with its default settings, UploadFileAsync: what ClusterConnection builds on
//   sshnet-gcm  the same, with aes128-gcm@openssh.com moved to the front of the client's cipher preferences
// Usage: SftpUpload <mode> <local file> <remote directory>; the cluster is read from ZOO_TEST_* (cluster.env).
if (args is not [var mode and ("kernel" or "sshnet" or "sshnet-gcm"), var local, var remoteDirectory])
{
    Console.Error.WriteLine("usage: SftpUpload kernel|sshnet|sshnet-gcm <local file> <remote directory>");
    return 2;
}
var host = Env("ZOO_TEST_SSH_HOST");
var port = int.Parse(Env("ZOO_TEST_SSH_PORT"), CultureInfo.InvariantCulture);
var user = Env("ZOO_TEST_SSH_USER");
var remote = RemotePath.Combine(remoteDirectory, $"sftp-bench-{Environment.ProcessId}");
var clock = Stopwatch.StartNew();

if (mode == "kernel")
{
    var settings = new SshSettings(host, port, user, new KeyFileCredentials(Env("ZOO_TEST_SSH_KEY"), null),
        new HostKeyVerification(Env("ZOO_TEST_SSH_KNOWN_HOSTS"), null), TimeSpan.FromSeconds(30));
    using var connection = await ClusterConnection.OpenAsync(settings, TimeSpan.FromMinutes(5));
    Console.WriteLine($"connect {Seconds(clock.Elapsed)}");
    clock.Restart();
    await connection.UploadAsync(local, remote);
    Console.WriteLine($"upload {Seconds(clock.Elapsed)}");
    await connection.RunAsync(["rm", "-f", "--", remote]);
    return 0;
}

using var key = new PrivateKeyFile(Env("ZOO_TEST_SSH_KEY"));
var info = new ConnectionInfo(host, port, user, new PrivateKeyAuthenticationMethod(user, key));
if (mode == "sshnet-gcm")
    PreferFirst(info.Encryptions, "aes128-gcm@openssh.com");
using var sftp = new SftpClient(info);
// The bare client checks nothing by itself: only the test cluster's own host keys are accepted.
string[] hostKeys = [Env("ZOO_TEST_SSH_HOSTKEY_ED25519_SHA256"), Env("ZOO_TEST_SSH_HOSTKEY_RSA_SHA256")];
sftp.HostKeyReceived += (_, e) => e.CanTrust = hostKeys.Contains(e.FingerPrintSHA256);
await sftp.ConnectAsync(CancellationToken.None);
Console.WriteLine($"connect {Seconds(clock.Elapsed)}");
Console.WriteLine($"cipher {info.CurrentClientEncryption}");
var file = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
await using (file)
{
    clock.Restart();
    await sftp.UploadFileAsync(file, remote);
    Console.WriteLine($"upload {Seconds(clock.Elapsed)}");
}
await sftp.DeleteFileAsync(remote, CancellationToken.None);
return 0;

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"{name} is not set: source the test cluster's cluster.env");

static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

// SSH.NET offers its ciphers in the dictionary's order; re-adding the others after the preferred one moves it first.
static void PreferFirst<T>(IDictionary<string, T> preferences, string first)
{
    var others = preferences.Where(p => p.Key != first).ToList();
    foreach (var (name, _) in others)
        preferences.Remove(name);
    foreach (var (name, value) in others)
        preferences.Add(name, value);
}
