using Zoo.Core.Callback;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Hpc.Completion;
using Zoo.Hpc.Description;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Submission;

namespace Zoo.Hpc;

/// <summary>
/// The runner of <c>serviceType=HPC</c> services, ZOO's zoo_hpc_support: listens on the job's wait socket,
/// submits the job to the cluster (<see cref="JobSubmitter"/>), waits until Slurm reports its end
/// (<see cref="JobWaiter"/>), then fails it or brings its outputs home (<see cref="JobCompletion"/>). A job
/// dismissed while it waits is cancelled on the cluster too.
/// </summary>
/// <param name="connections">How the cluster is reached: over SSH unless given.</param>
public sealed class HpcRunner(MainConfig config, TextWriter log, InputSizer? sizer = null, IClusterConnectionFactory? connections = null)
    : IProcessRunner
{
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(10);

    private readonly InputSizer _sizer = sizer ?? new InputSizer();
    private readonly IClusterConnectionFactory _connections = connections ?? new ClusterConnectionFactory();

    /// <summary>Only asynchronous, with the inner outputs of spec/hpc.md §6 unless the service's confId section says <c>nested_outputs=false</c>.</summary>
    public ProcessDescription Present(ProcessDescription process)
    {
        var confId = process.Keys["confId"] is { Length: > 0 } id ? id : HpcSettings.DefaultConfId;
        var nested = !string.Equals(config.Document[confId][HpcDescription.NestedOutputsKey], "false", StringComparison.OrdinalIgnoreCase);
        return HpcDescription.Present(process, nested);
    }

    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var conf = run.Conf;
        var lenv = conf.GetOrAdd("lenv");
        var outputs = CopyOf(run.Outputs);
        try
        {
            await RunJobAsync(run, lenv, outputs, cancellationToken).ConfigureAwait(false);
            return new RunOutcome(RunOutcome.Succeeded, conf, outputs, null);
        }
        catch (HpcJobException e)
        {
            lenv["status"] = "failed";
            lenv["message"] = e.Message;
            if (e.Code is { } code)
                lenv["code"] = code;
            if (e.Locator is { } locator)
                lenv["locator"] = locator;
            return new RunOutcome(RunOutcome.Failed, conf, outputs, null);
        }
    }

    private async Task RunJobAsync(ServiceRun run, ZooMap lenv, ZooMaps outputs, CancellationToken cancellationToken)
    {
        var process = run.Process;
        if (lenv.Text("async") is null)
            throw new HpcJobException("The synchronous mode is not supported by this type of service", "NoSuchMode", process.Name);
        var usid = lenv.Text("usid") is { Length: > 0 } id ? id
            : throw new HpcJobException("The job has no usid.", "InternalError");
        if (config.TmpPath is not { Length: > 0 } tmpPath)
            throw new HpcJobException("tmpPath is not set in the [main] section of main.cfg: the HPC job script is written there.", "InternalError");
        var (service, settings) = LoadSettings(process);
        var store = new JobStore(tmpPath);
        void Progress(int percent, string message) => store.WriteProgress(usid, percent, message);

        // Listening before sbatch: a short job's footer may call FinalizeHPC before sbatch has even returned here.
        // The socket goes once the wait is over, which tells FinalizeHPC that this job needs no more notices.
        SubmissionResult? submission = null;
        var socket = Listen(CompletionSocket.PathFor(settings.Completion.SocketDirectory, tmpPath, usid));
        try
        {
            lenv["wait_socket"] = socket.SocketPath;
            lenv["confId"] = settings.ConfId;
            lenv[WorkerHost.LenvKey] = WorkerHost.Name;
            submission = await new JobSubmitter(config, _sizer, Progress, _connections)
                .SubmitAsync(run, service, settings, usid, tmpPath, lenv, outputs, cancellationToken).ConfigureAwait(false);
            // FinalizeHPC finds the job's configuration, Slurm id and socket in this file.
            store.WriteLenv(usid, lenv.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString() ?? "")));
        }
        catch
        {
            socket.Dispose();
            submission?.Session.Dispose();
            throw;
        }

        // The submission's connection, still open: the end of the job is acted on without logging in again.
        var job = submission.Job;
        using var session = submission.Session;
        try
        {
            SacctRecord end;
            using (socket)
            {
                // The outputs' publication gets ready (GDAL loads) while the end is confirmed and the outputs come home.
                var waiter = new JobWaiter(socket, new SacctAccounting(session), HenvFile.PathFor(tmpPath, usid),
                    settings.Completion.PollInterval, message => Progress(30, message), log, run.OutputsNear);
                end = await waiter.WaitAsync(job.SlurmJobId, cancellationToken).ConfigureAwait(false);
            }
            if (end.Succeeded)
                run.OutputsNear();
            lenv["hpc_state"] = end.State;
            if (end.ExitCode is { } exitCode)
                lenv["hpc_exit_code"] = exitCode;
            Account(run, job, end, tmpPath, usid);
            run.Callbacks.Send(CallbackStep.DownloadingOutputs, CallbackState.Started);
            await new JobCompletion(session, tmpPath, settings.Completion.RemoteCleanup, Progress, log)
                .FinishAsync(job, end, outputs, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelOnClusterAsync(session, job.SlurmJobId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The job's [henv] as its end left it, with what it costs (<see cref="JobBilling"/>): kept in its
    /// <c>exec_status_&lt;usid&gt;</c> file, and reported to the callback service's finalize step.
    /// </summary>
    private void Account(ServiceRun run, SubmittedJob job, SacctRecord end, string tmpPath, string usid)
    {
        var billingNbCpu = job.Configuration.BillingNbCpu;
        var henv = HenvFile.ValuesOf(end).ToList();
        if (JobBilling.Billing(end, billingNbCpu) is { } billing)
            henv.Add(KeyValuePair.Create(JobBilling.BillingKey, billing));
        try
        {
            HenvFile.Write(HenvFile.PathFor(tmpPath, usid), henv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"HPC job {job.SlurmJobId}: its [henv] could not be kept: {e.Message}");
        }
        run.Callbacks.AddFinalizeFacts(JobBilling.Facts(end, billingNbCpu));
    }

    private (HpcService Service, HpcSettings Settings) LoadSettings(ProcessDescription process)
    {
        try
        {
            var service = HpcService.From(process);
            return (service, HpcSettings.Load(config, service.ConfId));
        }
        catch (ConfigurationException e)
        {
            throw new HpcJobException(e.Message, "InternalError");
        }
    }

    private static CompletionSocket Listen(string path)
    {
        try
        {
            return CompletionSocket.Listen(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HpcJobException($"Unable to bind socket! {e.Message}", "InternalError");
        }
    }

    /// <summary>scancel for a dismissed job, so the cluster does not run on for a result nobody will fetch.</summary>
    private async Task CancelOnClusterAsync(ClusterSession session, string slurmJobId)
    {
        using var deadline = new CancellationTokenSource(CancelTimeout);
        try
        {
            var result = await session.UseAsync(connection => connection.RunAsync(["scancel", slurmJobId], deadline.Token), deadline.Token)
                .ConfigureAwait(false);
            log.WriteLine(result.ExitStatus == 0
                ? $"HPC job {slurmJobId}: dismissed, cancelled on the cluster"
                : $"HPC job {slurmJobId}: scancel failed: {result.StandardError.Trim()}");
        }
        catch (Exception e) when (e is ClusterConnectionException or OperationCanceledException)
        {
            log.WriteLine($"HPC job {slurmJobId}: dismissed, but scancel could not run: {e.Message}");
        }
    }

    private static ZooMaps CopyOf(ZooMaps maps)
    {
        var copy = new ZooMaps();
        foreach (var (name, map) in maps)
            copy.Set(name, map.Copy());
        return copy;
    }
}
