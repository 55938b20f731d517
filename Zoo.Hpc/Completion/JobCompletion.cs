using Zoo.Core.Processes;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Submission;

namespace Zoo.Hpc.Completion;

/// <summary>
/// What happens once Slurm reports a job ended (spec/hpc.md §3.2–3.3, with the original's gaps closed): a job
/// that did not complete with exit code 0 fails with Slurm's state, exit code and the end of its output log
/// (the original downloads anyway and only notices a missing file); a completed one has its outputs brought
/// home into tmpPath, where the response finds them (<c>generated_file</c>); then, when the operator asks for
/// it, the job's files are removed from the cluster.
/// </summary>
public sealed class JobCompletion(ClusterSession session, string tmpPath, bool remoteCleanup, Action<int, string> progress, TextWriter log)
{
    /// <exception cref="HpcJobException">the job failed, or an output could not be brought home.</exception>
    public async Task FinishAsync(SubmittedJob job, SacctRecord end, ZooMaps outputs, CancellationToken cancellationToken)
    {
        if (!end.Succeeded)
            throw new HpcJobException(await FailureMessageAsync(end, cancellationToken).ConfigureAwait(false), "InternalError");
        progress(70, "SBATCH has been successfully executed on HPC server");
        progress(80, "Download results from HPC server");
        var retriever = new OutputRetriever(session, tmpPath, log);
        foreach (var output in job.Outputs)
        {
            string local;
            try
            {
                local = await retriever.RetrieveAsync(output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ClusterConnectionException or IOException or UnauthorizedAccessException)
            {
                throw new HpcJobException($"Unable to fetch the remote file for {output.Name}: {e.Message}"
                    + await ApplicationErrorAsync(end, cancellationToken).ConfigureAwait(false), "InternalError");
            }
            outputs.GetOrAdd(output.Name)["generated_file"] = local;
        }
        progress(90, "Results downloaded from HPC server");
        if (remoteCleanup)
            await CleanUpAsync(job, end, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FailureMessageAsync(SacctRecord end, CancellationToken cancellationToken) =>
        $"The Slurm job {end.JobId} ended {end.State}" + (end.ExitCode is { } code ? $" with exit code {code}" : "") + "."
        + await ApplicationErrorAsync(end, cancellationToken).ConfigureAwait(false);

    /// <summary>What the application reported as its error, for the client; the whole end of the job's log goes to the log.</summary>
    private async Task<string> ApplicationErrorAsync(SacctRecord end, CancellationToken cancellationToken)
    {
        var tail = await SlurmOutputLog.TailAsync(session, end, cancellationToken).ConfigureAwait(false);
        if (tail is { Length: > 0 })
            log.WriteLine($"HPC job {end.JobId}: {SlurmOutputLog.FileName(end.JobId)} ends with:\n{tail}");
        return SlurmOutputLog.ApplicationError(tail) is { } error ? $" The application reported: {error}" : "";
    }

    /// <summary>Removes the script, the job's log and its own inputs; persistent inputs and the outputs stay.</summary>
    private async Task CleanUpAsync(SubmittedJob job, SacctRecord end, CancellationToken cancellationToken)
    {
        var files = new List<string> { job.RemoteScript, SlurmOutputLog.PathOf(end, job.Configuration.RemoteWorkPath) };
        files.AddRange(job.StagedInputs);
        try
        {
            var result = await session.UseAsync(connection => connection.RunAsync(["rm", "-f", "--", .. files], cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (result.ExitStatus != 0)
                log.WriteLine($"HPC job {end.JobId}: remote clean-up failed: {result.StandardError.Trim()}");
        }
        catch (ClusterConnectionException e)
        {
            // The outputs are home: files left on the cluster do not make the job fail.
            log.WriteLine($"HPC job {end.JobId}: remote clean-up failed: {e.Message}");
        }
    }
}
