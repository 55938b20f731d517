using Zoo.Core.Configuration;

namespace Zoo.Hpc.Tests.TestSupport;

public static class Configs
{
    public static MainConfig Parse(string text) => new(IniDocument.Parse(text, "main.cfg"), "/etc/zoo/main.cfg");
}
