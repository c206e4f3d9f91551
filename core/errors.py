class UserError(Exception):
    """A problem the user can fix (bad option, unreachable server, database that is not ours).

    main.py prints it as one line and exits with code 2; no traceback unless --verbose.
    """

    exit_code = 2
