using System.Text.Json.Nodes;
using Zoo.Core.Cgi;

namespace Zoo.Core.OgcApi.Operations;

// PLACEHOLDER: replaced by its owner before this lands.
public static class JobStatus
{
    public static JsonObject Document(ApiContext context, string id) => new() { ["jobID"] = id, ["status"] = "accepted", ["type"] = "process" };

    public static CgiResponse Answer(ApiContext context, string id) => throw new ApiException("NoApplicableCode", 501, "not built yet");
}
