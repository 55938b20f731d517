using Zoo.Core.Cgi;
using Zoo.Core.OgcApi.Processes;
using Zoo.Core.OgcApi.Responses;
using Zoo.Core.Processes;

namespace Zoo.Core.OgcApi.Operations;

/// <summary>GET /processes/{id}: one .zcfg read in full, as its runner presents it. Hidden processes are described too: they run.</summary>
public static class ProcessDescribe
{
    public static CgiResponse Answer(ApiContext context, string id)
    {
        var entry = ServiceRegistry.For(context.Config).Find(id) ?? throw ApiException.NoSuchProcess(id);
        var process = context.Runners.Present(ServiceFiles.Read(entry, headerOnly: false));
        var processId = entry.Prefix + process.Name;
        return JsonResponse.Build(context, 200, ProcessDocument.Description(process, processId, ProcessLinks.Description(context, processId)));
    }
}
