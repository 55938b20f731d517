using Zoo.Core.Cgi;
using Zoo.Core.Data;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Wps.Operations;

/// <summary>
/// ZOO's GetStatus service (a C service of its utils), served natively: an Execute of
/// <c>GetStatus</c> with input <c>sid</c> answers the job's stored ExecuteResponse, its status brought
/// up to date while it runs. A GetStatus.zcfg of another serviceType than C still runs as itself.
/// </summary>
public static class GetStatusService
{
    public const string Identifier = "GetStatus";

    public static bool Handles(WpsRequestContext context)
    {
        var identifier = context.Request.Identifiers.FirstOrDefault();
        if (!string.Equals(identifier, Identifier, StringComparison.OrdinalIgnoreCase))
            return false;
        var entry = ServiceRegistry.For(context.Config).Find(Identifier);
        return entry is null || string.Equals(ServiceFiles.Read(entry, headerOnly: true).ServiceType, "C", StringComparison.OrdinalIgnoreCase);
    }

    public static OperationAnswer Answer(WpsRequestContext context)
    {
        var request = Execute.ReadRequest(context, Identifier, process: null, InputFiles.MeasureOnly(context.Config.Limits));
        var id = request.Inputs.FirstOrDefault(i => i.Name.Equals("sid", StringComparison.OrdinalIgnoreCase))?.Value?.Trim();
        if (context.Config.TmpPath is not { Length: > 0 } tmpPath || id is null || !new JobStore(tmpPath).Exists(id))
            throw new WpsException("InvalidParameterValue", "sid",
                "The JobID from the request does not match any of the Jobs running on this server");
        var store = new JobStore(tmpPath);
        var state = new JobMonitor(store).State(id);
        var document = state.ServiceName is { } service ? store.ReadDocument(store.ResponseFile(service, id)) : null;
        if (document is null)
            throw new WpsException("NoApplicableCode", null, "The status document of this job is not available yet.");
        if (state.Phase == JobPhase.Running)
            document = StatusDocuments.WithProgress(document, state.Percent, state.Message, state.ServiceName!);
        return new OperationAnswer.Raw(CgiResponse.Xml("200 OK", document + "\n", context.Config.Encoding,
            context.Config.ExtraHeaders));
    }
}
