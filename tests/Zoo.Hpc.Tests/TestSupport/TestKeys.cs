using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Zoo.Hpc.Tests.TestSupport;

/// <summary>SSH public key blobs (wire format) with random key material: enough for known_hosts matching.</summary>
public static class TestKeys
{
    public static byte[] Ed25519() => Blob("ssh-ed25519", RandomNumberGenerator.GetBytes(32));

    public static byte[] Rsa()
    {
        var modulus = RandomNumberGenerator.GetBytes(257);
        modulus[0] = 0;
        modulus[1] |= 0x80;
        return Blob("ssh-rsa", [1, 0, 1], modulus);
    }

    private static byte[] Blob(string type, params byte[][] fields)
    {
        using var stream = new MemoryStream();
        Write(stream, Encoding.ASCII.GetBytes(type));
        foreach (var field in fields)
            Write(stream, field);
        return stream.ToArray();
    }

    private static void Write(Stream stream, byte[] field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
        stream.Write(length);
        stream.Write(field);
    }
}
