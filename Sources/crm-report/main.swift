print("crm-report")
