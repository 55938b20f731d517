using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Zoo.Core.Processes.Native;

/// <summary>
/// The child side of <see cref="NativeServiceRunner"/> (<c>zoo_loader.cgi --run-c</c>): reads the request from
/// standard input, calls the service, writes the answer. A service that crashes ends this process only.
/// </summary>
public static partial class NativeServiceHost
{
    public const string Flag = "--run-c";

    public static async Task<int> RunAsync(Stream input)
    {
        // The group lets the kernel stop whatever the service starts along with it.
        _ = SetProcessGroup(0, 0);
        // A service that prints writes on fd 1: it goes to the log (fd 2), the answer to a private copy of stdout.
        var answerDescriptor = Duplicate(1);
        _ = DuplicateTo(2, 1);

        var request = new MemoryStream();
        await input.CopyToAsync(request);
        var (service, conf, inputs, outputs) = NativeProtocol.ReadRequest(request.ToArray());
        var result = service.Call(conf, inputs, outputs);

        await using var answer = new FileStream(new SafeFileHandle(answerDescriptor, ownsHandle: true), FileAccess.Write);
        await answer.WriteAsync(NativeProtocol.Answer(result));
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "setpgid")]
    private static partial int SetProcessGroup(int pid, int group);

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Duplicate(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int DuplicateTo(int descriptor, int target);
}
