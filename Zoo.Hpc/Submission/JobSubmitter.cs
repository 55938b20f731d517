using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Zoo.Core.Callback;
using Zoo.Core.Configuration;
using Zoo.Core.Files;
using Zoo.Core.Geo;
using Zoo.Core.Processes;
using Zoo.Core.Wps;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Core.Processes.Otb;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Submission;

/// <summary>
/// The submission half of ZOO's zoo_hpc_support (spec/hpc.md §2): sizes the complex inputs, chooses the preview
/// or fullres configuration, opens one connection to the cluster, stages the inputs, writes and uploads the
/// sbatch script and submits it. Progress goes where ZOO reports it: 15, 22 and 30 %.
/// <para>
/// The connection is opened while the inputs are sized (GDAL's tools, when they are needed, and the login take tens
/// of milliseconds each, and the sizes rarely change which cluster is reached: the preview configuration's is, and
/// kept unless the fullres one is reached another way), and it is handed over once sbatch has answered, so the job's
/// worker waits, asks sacct and fetches the outputs over it instead of logging in again.
/// </para>
/// </summary>
/// <param name="connections">Opens the connection to the cluster (<see cref="ClusterConnectionFactory"/> for the real one).</param>
public sealed class JobSubmitter(MainConfig config, InputSizer sizer, Action<int, string> progress, IClusterConnectionFactory connections)
{
    /// <summary>
    /// Everything up to sbatch having returned the Slurm job id, which lenv and exec_out_&lt;usid&gt; then record;
    /// the session holds the connection the submission used, still open.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(ServiceRun run, HpcService service, HpcSettings settings, string usid, string tmpPath,
        ZooMap lenv, ZooMaps outputs, CancellationToken cancellationToken)
    {
        var (staged, literals, order) = GatherInputs(run, outputs, usid, tmpPath);
        using var early = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var opening = connections.OpenAsync(settings.Preview, early.Token);
        ClusterConfiguration configuration;
        List<Upload> uploads;
        List<OtbOutput> jobOutputs;
        ScriptFile script;
        try
        {
            configuration = await ChooseConfigurationAsync(settings, staged, lenv, cancellationToken).ConfigureAwait(false);
            uploads = PlanUploads(staged, configuration, out var remoteInputs);
            var jobInputs = order
                .Select(name => remoteInputs.TryGetValue(name, out var paths) ? new OtbInput(name, paths)
                    : literals.TryGetValue(name, out var values) ? new OtbInput(name, values) : null)
                .OfType<OtbInput>()
                .ToList();
            jobOutputs = PlanOutputs(run, outputs, service, configuration, usid);
            // Composed now, so that a value the application cannot take fails the job before anything is uploaded.
            var scriptName = JobScript.FileName(service.Name, usid);
            script = new ScriptFile(ComposeScript(service, usid, jobInputs, jobOutputs, configuration), Path.Combine(tmpPath, scriptName),
                RemotePath.Combine(configuration.RemoteWorkPath, scriptName));
        }
        catch
        {
            await early.CancelAsync().ConfigureAwait(false);
            await DiscardAsync(opening).ConfigureAwait(false);
            throw;
        }
        lenv["remote_script"] = script.Remote;

        if (!configuration.ReachesLike(settings.Preview))
        {
            await early.CancelAsync().ConfigureAwait(false);
            await DiscardAsync(opening).ConfigureAwait(false);
            opening = connections.OpenAsync(configuration, cancellationToken);
        }
        IClusterConnection connection;
        try
        {
            connection = await opening.ConfigureAwait(false);
        }
        catch (ClusterConnectionException e)
        {
            throw new HpcJobException($"Unable to lock the file for upload! {e.Message}", "InternalError");
        }
        string jobId;
        try
        {
            jobId = await SubmitOverSshAsync(connection, configuration, uploads, script, service.Name, lenv, run.Callbacks, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        // ZOO's only record of the job id: <tmpPath>/exec_out_<usid>, the id and a newline.
        AtomicFile.Write(Path.Combine(tmpPath, ExecOutFileName(usid)), jobId + "\n");
        lenv["sbatch_id"] = jobId;
        lenv["sbatch_job_name"] = JobScript.JobName(usid, service.Name);
        var job = new SubmittedJob(jobId, configuration, script.Remote,
            jobOutputs.Select(o => new RemoteOutput(o.Name, o.Path)).ToList(),
            uploads.Where(u => !u.Persistent).Select(u => u.Remote).ToList());
        return new SubmissionResult(job, new ClusterSession(configuration, connections, connection));
    }

    /// <summary>Closes a connection opened for nothing (or waits for its failed attempt to end, which is then of no interest).</summary>
    private static async Task DiscardAsync(Task<IClusterConnection> opening)
    {
        try
        {
            (await opening.ConfigureAwait(false)).Dispose();
        }
        catch (Exception e) when (e is ClusterConnectionException or OperationCanceledException)
        {
            // nobody needs this connection: how its opening ended does not matter
        }
    }

    public static string ExecOutFileName(string usid) => "exec_out_" + usid;

    private static JsonObject Script(string path) => new() { ["script"] = path };

    /// <summary>Step 2's <c>inputs</c>: each uploaded input's <c>local_path</c> and <c>target_path</c> (an array for several).</summary>
    private static JsonObject Uploaded(List<Upload> uploads)
    {
        var inputs = new JsonObject();
        foreach (var group in uploads.GroupBy(u => u.InputName, StringComparer.Ordinal))
        {
            var entries = group.Select(u => new JsonObject { ["local_path"] = u.Local, ["target_path"] = u.Remote }).ToList();
            inputs[group.Key] = entries.Count == 1 ? entries[0] : new JsonArray(entries.Select(e => (JsonNode)e).ToArray());
        }
        return new JsonObject { ["inputs"] = inputs };
    }

    /// <summary>The inputs that go to the application: local files of the complex ones, values of the literal ones, in order.</summary>
    private (List<StagedInput> Staged, Dictionary<string, IReadOnlyList<string>> Literals, List<string> Order) GatherInputs(
        ServiceRun run, ZooMaps outputs, string usid, string tmpPath)
    {
        var outputNames = new HashSet<string>(outputs.Select(o => o.Key), StringComparer.OrdinalIgnoreCase);
        var sharedPrefixes = MainConfig.SplitList(config.Security["shared"] ?? "");
        var staged = new List<StagedInput>();
        var literals = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (name, map) in run.Inputs)
        {
            // An input named like an output is that output's pixel type, passed after the output's path.
            if (outputNames.Contains(name) || !OtbRunInputs.IsGiven(name, map, run.Process))
                continue;
            order.Add(name);
            if (map.Text("mimeType") is { } mimeType)
            {
                var files = LocalFiles(name, map, mimeType, usid, tmpPath);
                var href = map.Text("xlink:href") ?? map.Text("Reference");
                var shared = href is not null && sharedPrefixes.Any(p => href.StartsWith(p, StringComparison.OrdinalIgnoreCase));
                staged.Add(new StagedInput(name, mimeType, files, shared));
            }
            else if (map.Contains("dataType") || map["value"] is not null)
                literals[name] = Texts(map["value"]);
        }
        return (staged, literals, order);
    }

    /// <summary>Sizes every input file and picks preview or fullres (ZOO's getConfiguration), recording why in lenv.</summary>
    private async Task<ClusterConfiguration> ChooseConfigurationAsync(HpcSettings settings, List<StagedInput> staged, ZooMap lenv,
        CancellationToken cancellationToken)
    {
        var sizes = new List<InputSize>();
        // A file two inputs share (the same cached reference) is read by GDAL once.
        var measured = new Dictionary<string, DatasetSize>(StringComparer.Ordinal);
        try
        {
            foreach (var input in staged)
            {
                foreach (var file in input.LocalPaths)
                {
                    if (!measured.TryGetValue(file, out var size))
                        measured[file] = size = await sizer.MeasureAsync(file, input.MimeType, cancellationToken).ConfigureAwait(false);
                    sizes.Add(size.For(input.Name));
                }
            }
        }
        catch (Exception e) when (e is GeoDataException or FileNotFoundException)
        {
            throw new HpcJobException($"Unable to measure the inputs to choose the HPC configuration: {e.Message}", "InternalError");
        }
        var choice = ConfigurationChoice.Choose(settings.Thresholds, sizes);
        var configuration = choice.Configuration(settings);
        lenv["configId"] = configuration.SectionName;
        lenv["hpc_resolution"] = choice.Resolution.ToString().ToLowerInvariant();
        lenv["hpc_input_sizes"] = string.Join(",", sizes.Select(s =>
            $"{s.InputName}:{s.Kind.ToString().ToLowerInvariant()}:{s.Count.ToString(CultureInfo.InvariantCulture)}"));
        if (choice.Exceeding is { } exceeding)
            lenv["hpc_fullres_reason"] = exceeding.InputName;
        return configuration;
    }

    /// <summary>Where each input file goes on the cluster: remote_data_path, or the persistent path for shared inputs.</summary>
    private static List<Upload> PlanUploads(List<StagedInput> staged, ClusterConfiguration configuration,
        out Dictionary<string, IReadOnlyList<string>> remoteInputs)
    {
        remoteInputs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var uploads = new List<Upload>();
        foreach (var input in staged)
        {
            var persistent = input.Shared && configuration.RemotePersistentDataPath is not null;
            var directory = persistent ? configuration.RemotePersistentDataPath! : configuration.RemoteDataPath;
            var paths = new List<string>();
            foreach (var local in input.LocalPaths)
            {
                var remote = RemotePath.Combine(directory, Path.GetFileName(local));
                paths.Add(remote);
                uploads.Add(new Upload(input.Name, local, remote, persistent));
            }
            remoteInputs[input.Name] = paths;
        }
        return uploads;
    }

    /// <summary>The output files the application writes in remote_data_path; each output map learns its file.</summary>
    private List<OtbOutput> PlanOutputs(ServiceRun run, ZooMaps outputs, HpcService service, ClusterConfiguration configuration,
        string usid)
    {
        var jobOutputs = new List<OtbOutput>();
        var tmpUrl = config.TmpUrl ?? "";
        foreach (var (name, map) in outputs)
        {
            if (name is "wms_link" or "wcs_link" or "wfs_link")
                continue;
            var fileName = $"output_{service.Name}_{name}_{usid}.{Extension(map.Text("mimeType"))}";
            var remote = RemotePath.Combine(configuration.RemoteDataPath, fileName);
            map["generated_file"] = remote;
            map["generated_url"] = tmpUrl.TrimEnd('/') + "/" + fileName;
            var pixelType = run.Inputs[name] is { } option ? Texts(option["value"]).FirstOrDefault() : null;
            jobOutputs.Add(new OtbOutput(name, remote, pixelType));
        }
        return jobOutputs;
    }

    private static string ComposeScript(HpcService service, string usid, List<OtbInput> inputs, List<OtbOutput> outputs,
        ClusterConfiguration configuration)
    {
        try
        {
            return JobScript.Compose(new JobScriptRequest(service, usid, inputs, outputs, configuration.SbatchOptions,
                JobScriptParts.Load(configuration.JobScript)));
        }
        catch (OtbValueException e)
        {
            throw new HpcJobException(e.Message, "InvalidParameterValue", e.InputName);
        }
        catch (ArgumentException e)
        {
            throw new HpcJobException($"Unable to write the job script: {e.Message}", "InternalError");
        }
    }

    /// <summary>
    /// Everything on the cluster, over the one connection, in the order of the callback service's steps: the inputs
    /// (2), the job script written (3), the script uploaded and sbatch run on it (4), the last two by one command.
    /// </summary>
    private async Task<string> SubmitOverSshAsync(IClusterConnection connection, ClusterConfiguration configuration, List<Upload> uploads,
        ScriptFile script, string serviceName, ZooMap lenv, JobCallbacks callbacks, CancellationToken cancellationToken)
    {
        progress(15, "Upload data on HPC server");
        callbacks.Send(CallbackStep.UploadingInputs, CallbackState.Started, Uploaded(uploads));
        var directories = await UploadInputsAsync(connection, configuration, uploads, cancellationToken).ConfigureAwait(false);
        callbacks.Send(CallbackStep.UploadingInputs, CallbackState.Ended, Uploaded(uploads));
        callbacks.Send(CallbackStep.JobScript, CallbackState.Started, Script(script.Local));
        AtomicFile.Write(script.Local, script.Text);
        lenv["local_script"] = script.Local;
        callbacks.Send(CallbackStep.JobScript, CallbackState.Ended, Script(script.Local));
        progress(22, "Upload SBATCH on HPC server");
        callbacks.Send(CallbackStep.Submission, CallbackState.Started, Script(script.Remote));
        progress(30, "Execute SBATCH on HPC server");
        // One round trip: the script is written on the cluster (with the remote directories when no input made them)
        // and sbatch run on it by the same command.
        var sbatch = configuration.SbatchSubstr is null
            ? new[] { "sbatch", "--parsable", script.Remote }
            : ["sbatch", script.Remote];
        RemoteCommandResult result;
        try
        {
            result = await connection.UploadAndRunAsync(script.Local, script.Remote, directories, sbatch, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterConnectionException e) when (e.Failure == ClusterFailure.FileOperation)
        {
            throw new HpcJobException($"Unable to upload the script: {e.Message}", "NoApplicableCode");
        }
        catch (ClusterConnectionException e)
        {
            throw new HpcJobException(SbatchOutput.FailureMessage(serviceName, configuration.SectionName, e.Message), "NoApplicableCode");
        }
        finally
        {
            File.Delete(script.Local);
            lenv["local_script"] = null;
        }
        var slurmJobId = SlurmJobId(result, configuration, serviceName);
        callbacks.Send(CallbackStep.Submission, CallbackState.Ended, Script(script.Remote));
        return slurmJobId;
    }

    /// <summary>
    /// Uploads the inputs the cluster does not hold already. The remote directories are made by the first command that
    /// writes a file (ZOO makes them one step at a time): the first input's, or else the job script's, to which the
    /// directories still to make are returned.
    /// </summary>
    private static async Task<IReadOnlyList<string>> UploadInputsAsync(IClusterConnection connection, ClusterConfiguration configuration,
        List<Upload> uploads, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> directories = new[] { configuration.RemoteDataPath, configuration.RemoteWorkPath }
            .Concat(uploads.Where(u => u.Persistent).Select(_ => configuration.RemotePersistentDataPath!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string? uploading = null;
        try
        {
            // A file two inputs share goes once.
            foreach (var upload in uploads.DistinctBy(u => u.Remote, StringComparer.Ordinal))
            {
                uploading = upload.InputName;
                if (upload.Persistent
                    && await IsSameRemoteFileAsync(connection, upload.Local, upload.Remote, cancellationToken).ConfigureAwait(false))
                    continue;
                await connection.UploadAndRunAsync(upload.Local, upload.Remote, directories, [], cancellationToken).ConfigureAwait(false);
                directories = [];
            }
        }
        catch (ClusterConnectionException e)
        {
            throw new HpcJobException($"Unable to copy over SSH the file requested for setting the value of {uploading}. {e.Message}", "InternalError");
        }
        return directories;
    }

    private static string SlurmJobId(RemoteCommandResult sbatch, ClusterConfiguration configuration, string serviceName)
    {
        try
        {
            return SbatchOutput.JobId(sbatch.ExitStatus, sbatch.StandardOutput, sbatch.StandardError,
                configuration.SbatchSubstr, serviceName, configuration.SectionName);
        }
        catch (WpsException e)
        {
            throw new HpcJobException(e.Errors[0].Text, "NoApplicableCode");
        }
    }

    /// <summary>
    /// The local files of a complex input: the files the kernel put its data in (input files, cache entries), or
    /// for values held as text or bytes, those written to tmpPath.
    /// </summary>
    private static List<string> LocalFiles(string name, ZooMap map, string mimeType, string usid, string tmpPath)
    {
        var value = map["value"];
        var items = value is ListValue list ? list.Items : value is null ? [] : [value];
        var files = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is FileValue file)
            {
                files.Add(file.Path);
                continue;
            }
            var path = Path.Combine(tmpPath, $"input_{name}_{i.ToString(CultureInfo.InvariantCulture)}_{usid}.{Extension(mimeType)}");
            AtomicFile.Write(path, items[i] switch
            {
                BytesValue bytes => bytes.Bytes,
                TextValue text => Encoding.UTF8.GetBytes(text.Text),
                _ => [],
            });
            files.Add(path);
        }
        return files;
    }

    private static List<string> Texts(MapValue? value) => value switch
    {
        TextValue text => [text.Text],
        ListValue list => list.Items.SelectMany(Texts).ToList(),
        BytesValue bytes => [Encoding.UTF8.GetString(bytes.Bytes)],
        FileValue file => [File.ReadAllText(file.Path)],
        _ => [],
    };

    /// <summary>Whether the cluster holds this very file there already: sha256sum answers for both (a missing file makes it fail).</summary>
    private static async Task<bool> IsSameRemoteFileAsync(IClusterConnection connection, string local, string remote,
        CancellationToken cancellationToken)
    {
        string remoteHash;
        try
        {
            remoteHash = await connection.Sha256Async(remote, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterConnectionException e) when (e.Failure == ClusterFailure.Command)
        {
            return false;
        }
        var stream = File.OpenRead(local);
        await using (stream.ConfigureAwait(false))
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)) == remoteHash;
    }

    /// <summary>The extension of ZOO's MIME table (zoo-kernel/mimetypes.h) for an output's mime type; tif without one.</summary>
    internal static string Extension(string? mimeType)
    {
        if (string.IsNullOrEmpty(mimeType))
            return "tif";
        var type = mimeType.Split(';')[0].Trim().ToLowerInvariant();
        foreach (var (prefix, extension) in KnownTypes)
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
                return extension;
        }
        if (type.StartsWith("image/", StringComparison.Ordinal) && type.Length > "image/".Length
            && type["image/".Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+'))
            return type["image/".Length..];
        return "txt";
    }

    private static readonly (string Prefix, string Extension)[] KnownTypes =
    [
        ("image/tiff", "tiff"), ("image/png", "png"), ("image/jpeg", "jpeg"), ("application/json", "json"),
        ("text/xml", "xml"), ("application/zip", "zip"),
    ];

    private sealed record StagedInput(string Name, string MimeType, IReadOnlyList<string> LocalPaths, bool Shared);

    private sealed record Upload(string InputName, string Local, string Remote, bool Persistent);

    /// <summary>The job script's text, where it is written here, and where it goes on the cluster.</summary>
    private sealed record ScriptFile(string Text, string Local, string Remote);
}
