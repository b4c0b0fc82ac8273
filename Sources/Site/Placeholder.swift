import CRMData
