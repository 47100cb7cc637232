"""The gRPC edge: ats.resume.v1.ResumeService over grpc.aio, plus health and reflection."""
