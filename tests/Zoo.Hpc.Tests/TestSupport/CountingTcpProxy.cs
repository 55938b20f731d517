using System.Net;
using System.Net.Sockets;

namespace Zoo.Hpc.Tests.TestSupport;

/// <summary>
/// A TCP forwarder on a loopback port that counts the connections made through it: how many TCP connections the code
/// under test opens to the cluster's sshd, exactly, whoever else uses that sshd meanwhile (sshd's own log counts
/// every client of the shared test cluster). Bytes are passed through untouched, so host key and login are the
/// real server's.
/// </summary>
public sealed class CountingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly Task _accepting;
    private int _accepted;

    private CountingTcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public const string Host = "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The TCP connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public static CountingTcpProxy To(string targetHost, int targetPort) => new(targetHost, targetPort);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            lock (_pumps)
                _pumps.Add(ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        Task[] pair = [];
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            pair = [client.GetStream().CopyToAsync(server.GetStream(), _stop.Token), server.GetStream().CopyToAsync(client.GetStream(), _stop.Token)];
            await Task.WhenAny(pair);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // the server refused, or the proxy stops
        }
        // Either side closing ends the pair: the other is closed with it.
        client.Dispose();
        server.Dispose();
        foreach (var pump in pair)
        {
            try
            {
                await pump;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // cut by the other end's closing
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] pumps;
        lock (_pumps)
            pumps = [.. _pumps];
        await Task.WhenAll(pumps);
        _stop.Dispose();
    }
}
