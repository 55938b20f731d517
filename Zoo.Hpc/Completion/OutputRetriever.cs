using System.Security.Cryptography;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Submission;

namespace Zoo.Hpc.Completion;

/// <summary>
/// Brings a job's output files home into tmpPath over the job's one connection: a transfer cut by a broken
/// connection is resumed on a new one, and each file's SHA-256 is compared with the cluster's copy before it
/// counts as downloaded (the original accepts short or empty files).
/// </summary>
public sealed class OutputRetriever(ClusterSession session, string tmpPath, TextWriter log)
{
    private const int Attempts = 3;

    /// <summary>Downloads the output and returns its local path.</summary>
    /// <exception cref="ClusterConnectionException">the file is missing on the cluster, or the connection kept breaking.</exception>
    /// <exception cref="IOException">the file kept arriving different from the cluster's copy.</exception>
    public async Task<string> RetrieveAsync(RemoteOutput output, CancellationToken cancellationToken)
    {
        var local = Path.Combine(tmpPath, RemotePath.FileName(output.RemotePath));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (expected, actual) = await session.UseAsync(async connection =>
                    (await connection.DownloadAsync(output.RemotePath, local, cancellationToken).ConfigureAwait(false),
                        await LocalSha256Async(local, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
                if (expected == actual)
                    return local;
                File.Delete(local);
                if (attempt == Attempts)
                    throw new IOException($"{output.RemotePath} arrived {Attempts} times with a checksum that differs from the cluster's copy");
                log.WriteLine($"HPC output {output.Name}: checksum mismatch, downloading again");
            }
            catch (ClusterConnectionException e) when (e.Failure == ClusterFailure.ConnectionLost && attempt < Attempts)
            {
                log.WriteLine($"HPC output {output.Name}: {e.Message}; resuming on a new connection");
            }
        }
    }

    private static async Task<string> LocalSha256Async(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
