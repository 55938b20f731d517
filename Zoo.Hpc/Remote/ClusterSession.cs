using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Remote;

/// <summary>
/// One connection to the cluster for a stretch of work (polling sacct, fetching outputs), opened when first
/// needed (or given, already open) and opened again after it broke: a job waits for hours, and a connection may
/// not live that long.
/// </summary>
/// <param name="connection">A connection to <paramref name="configuration"/>'s cluster already open (the job's submission's), or null.</param>
public sealed class ClusterSession(ClusterConfiguration configuration, IClusterConnectionFactory connections, IClusterConnection? connection = null)
    : IDisposable
{
    private IClusterConnection? _connection = connection;

    public ClusterConfiguration Configuration => configuration;

    /// <summary>Runs <paramref name="work"/> on the open connection; a connection that broke is dropped so the next call reconnects.</summary>
    /// <exception cref="ClusterConnectionException">connecting failed, or the work did.</exception>
    public async Task<T> UseAsync<T>(Func<IClusterConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        _connection ??= await connections.OpenAsync(configuration, cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(_connection).ConfigureAwait(false);
        }
        catch (ClusterConnectionException e) when (e.Failure == ClusterFailure.ConnectionLost)
        {
            Close();
            throw;
        }
    }

    /// <summary>Ends the connection while the job waits for a long time; the next use opens a new one.</summary>
    public void Close()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Close();
}
