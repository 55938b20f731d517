namespace Zoo.Hpc.Settings;

/// <summary>
/// How a submitted job's end is waited for and what happens after, from the confId section.
/// </summary>
/// <param name="SocketDirectory">
/// Where the job's <c>.wait_socket_&lt;usid&gt;.sock</c> listens (<c>wait_socket_dir</c>); null means the
/// private default under tmpPath. <c>/tmp</c> is the original's place, for the original FinalizeHPC1 service.
/// </param>
/// <param name="PollInterval">
/// How long the worker waits for a notice before asking sacct itself (<c>sacct_poll_interval</c>), so that a
/// lost mail or a FinalizeHPC never called does not leave the job waiting forever.
/// </param>
/// <param name="RemoteCleanup">
/// Whether the job's script, logs and non-persistent inputs are removed from the cluster once the outputs are
/// home (<c>remote_cleanup</c>; off by default, as the original never removes anything).
/// </param>
public sealed record CompletionSettings(string? SocketDirectory, TimeSpan PollInterval, bool RemoteCleanup)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(60);
}
